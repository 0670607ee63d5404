import { num, printTable, type Print } from "../report";
import type { FeedOutcome } from "./evaluate-feeds";
import { feedMisses, shareByField } from "./summarize-feeds";

/** Prints the share of expected fields newsgate matched on a suite's goldens, and its first misses. */
export function printFeedSuite(
  suite: string,
  outcomes: readonly FeedOutcome[],
  top: number,
  print: Print = console.log,
): void {
  print(`\n== feeds: ${suite} (${outcomes.length} goldens): share of expected fields matched`);
  const rows = [["field", "expected", "matched", "share"]];
  for (const s of shareByField(outcomes)) {
    const share = s.expected === 0 ? "-" : `${num((100 * s.matched) / s.expected, 1)}%`;
    rows.push([s.field, String(s.expected), String(s.matched), share]);
  }
  printTable(rows, print);
  const failed = outcomes.filter((o) => o.error !== null);
  print(`documents newsgate refused: ${failed.length}`);
  for (const o of failed.slice(0, top)) print(`  ${o.golden.name}: ${o.error}`);
  const misses = feedMisses(outcomes);
  print(`missed fields: ${misses.length}; first ${Math.min(top, misses.length)}:`);
  for (const m of misses.slice(0, top)) {
    const found = m.found === null ? "nothing" : JSON.stringify(m.found.slice(0, 100));
    print(
      `  ${m.golden} ${m.path}: expected ${JSON.stringify(m.expected.slice(0, 100))}, found ${found}`,
    );
  }
}
