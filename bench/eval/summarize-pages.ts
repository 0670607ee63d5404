import type { ExtractorName, PageOutcome } from "./page-outcome";
import type { TextScore } from "./shingle-score";
import { addCounts, snippetScores } from "./snippet-score";

/** A page score at or above which an extractor is taken to have found the story. */
export const FOUND_SCORE = 0.5;

/** Mean precision, recall and F1 over the pages that have an expected text, and their count. */
export function meanTextScore(
  outcomes: readonly PageOutcome[],
  by: ExtractorName,
): TextScore & { pages: number } {
  const scores = outcomes.map((o) => o.by[by].text).filter((s): s is TextScore => s !== null);
  const mean = (pick: (s: TextScore) => number) =>
    scores.length === 0 ? 0 : scores.reduce((sum, s) => sum + pick(s), 0) / scores.length;
  return {
    precision: mean((s) => s.precision),
    recall: mean((s) => s.recall),
    f1: mean((s) => s.f1),
    pages: scores.length,
  };
}

/** Trafilatura's figures over all snippet counts of the pages (micro-averaged, as it reports). */
export function totalSnippetScore(outcomes: readonly PageOutcome[], by: ExtractorName) {
  const counts = outcomes.flatMap((o) => (o.by[by].snippets ? [o.by[by].snippets] : []));
  return { ...snippetScores(addCounts(counts)), pages: counts.length };
}

/** True when Readability found the story (page score >= FOUND_SCORE) and newsgate found none of it. */
export function isLostStory(outcome: PageOutcome): boolean {
  const ours = outcome.by.newsgate;
  const theirs = outcome.by.readability.score ?? 0;
  const nothing = ours.reading.text.trim() === "" || (ours.score ?? 0) === 0;
  return theirs >= FOUND_SCORE && nothing;
}

/**
 * Returns the `n` pages newsgate scores lowest on, the ones Readability does better on first
 * among equals; pages without a score are left out.
 */
export function worstPages(outcomes: readonly PageOutcome[], n: number): PageOutcome[] {
  return outcomes
    .filter((o) => o.by.newsgate.score !== null)
    .sort(
      (a, b) =>
        (a.by.newsgate.score ?? 0) - (b.by.newsgate.score ?? 0) ||
        (b.by.readability.score ?? 0) - (a.by.readability.score ?? 0) ||
        a.page.name.localeCompare(b.page.name),
    )
    .slice(0, n);
}
