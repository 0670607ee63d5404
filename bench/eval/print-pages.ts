import { num, printTable, type Print } from "../report";
import { EXTRACTORS, type PageOutcome } from "./page-outcome";
import { wordsOf } from "./shingle-score";
import { isLostStory, meanTextScore, totalSnippetScore, worstPages } from "./summarize-pages";

/** Prints newsgate against Readability on a suite scored by expected text (shingle F1). */
export function printTextSuite(
  suite: string,
  outcomes: readonly PageOutcome[],
  worst: number,
  print: Print = console.log,
): void {
  print(`\n== pages: ${suite} (${outcomes.length} pages): word 4-gram shingle F1, mean per page`);
  const rows = [["extractor", "F1", "precision", "recall"]];
  for (const by of EXTRACTORS) {
    const s = meanTextScore(outcomes, by);
    rows.push([by, num(s.f1, 3), num(s.precision, 3), num(s.recall, 3)]);
  }
  printTable(rows, print);
  printLostAndWorst(outcomes, worst, "F1", print);
}

/** Prints newsgate against Readability on a suite scored by trafilatura's snippets. */
export function printSnippetSuite(
  suite: string,
  outcomes: readonly PageOutcome[],
  worst: number,
  print: Print = console.log,
): void {
  print(
    `\n== pages: ${suite} (${outcomes.length} pages): snippets, counted over all pages as trafilatura does`,
  );
  const rows = [["extractor", "F1", "precision", "recall (with found)", "without kept out"]];
  for (const by of EXTRACTORS) {
    const s = totalSnippetScore(outcomes, by);
    rows.push([by, num(s.f1, 3), num(s.precision, 3), num(s.recall, 3), num(s.keptOut, 3)]);
  }
  printTable(rows, print);
  printLostAndWorst(outcomes, worst, "snippet F1", print);
}

function printLostAndWorst(
  outcomes: readonly PageOutcome[],
  worst: number,
  measure: string,
  print: Print,
): void {
  const lost = outcomes.filter(isLostStory);
  print(`pages where Readability finds the story and newsgate finds nothing: ${lost.length}`);
  for (const o of lost) print(`  ${o.page.name}: ${o.by.newsgate.reading.note ?? "empty text"}`);
  print(
    `worst ${worst} pages for newsgate (${measure}: newsgate / readability; words: ours / theirs)`,
  );
  const rows = [["page", "newsgate", "readability", "words", "note"]];
  for (const o of worstPages(outcomes, worst)) {
    const ours = o.by.newsgate;
    const theirs = o.by.readability;
    rows.push([
      o.page.name.slice(0, 60),
      num(ours.score ?? 0, 3),
      num(theirs.score ?? 0, 3),
      `${wordsOf(ours.reading.text).length} / ${wordsOf(theirs.reading.text).length}`,
      (ours.reading.note ?? "").slice(0, 80),
    ]);
  }
  printTable(rows, print);
}
