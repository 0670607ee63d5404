import { num, printTable, type Print } from "../report";
import { EXTRACTORS, type PageOutcome } from "./page-outcome";
import { metaMisses, tallyMeta } from "./summarize-meta";

/**
 * Prints the share of expected metadata fields each extractor matched (exact or normalized;
 * exact alone in brackets), and newsgate's first `top` misses.
 */
export function printMetaSuite(
  suite: string,
  outcomes: readonly PageOutcome[],
  top: number,
  print: Print = console.log,
): void {
  print(`\n== metadata: ${suite} (${outcomes.length} pages): share matched (exact)`);
  const tallies = EXTRACTORS.map((by) => tallyMeta(outcomes, by));
  const rows = [["field", "expected", ...EXTRACTORS]];
  tallies[0].forEach((first, i) => {
    if (first.expected === 0) return;
    const cells = tallies.map(
      (t) => `${share(t[i].matched, t[i].expected)} (${share(t[i].exact, t[i].expected)})`,
    );
    rows.push([first.field, String(first.expected), ...cells]);
  });
  printTable(rows, print);
  const misses = metaMisses(outcomes, "newsgate");
  print(`newsgate misses: ${misses.length}; first ${Math.min(top, misses.length)}:`);
  for (const miss of misses.slice(0, top)) {
    print(
      `  ${miss.page} ${miss.field}: expected ${JSON.stringify(miss.expected)}, found ${JSON.stringify(miss.found)}`,
    );
  }
}

function share(part: number, whole: number): string {
  return whole === 0 ? "-" : `${num((100 * part) / whole, 1)}%`;
}
