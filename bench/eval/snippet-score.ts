import { harmonicMean } from "./shingle-score";

/** A trafilatura evaluation case: snippets that must be in the text, and ones that must not. */
export interface SnippetCase {
  with: readonly string[];
  without: readonly string[];
}

/**
 * Counts as trafilatura's evaluation does: tp = `with` snippets found, fn = `with` missed,
 * fp = `without` snippets found, tn = `without` absent.
 */
export interface SnippetCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Collapses whitespace, so a line break inside a snippet matches a space in the text. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Counts which snippets of the case occur in the text (whitespace-normalized substrings). */
export function countSnippets(item: SnippetCase, text: string): SnippetCounts {
  const haystack = collapseSpace(text);
  const found = (snippet: string) => haystack.includes(collapseSpace(snippet));
  const tp = item.with.filter(found).length;
  const fp = item.without.filter(found).length;
  return { tp, fp, fn: item.with.length - tp, tn: item.without.length - fp };
}

/** Returns the sum of the counts. */
export function addCounts(counts: readonly SnippetCounts[]): SnippetCounts {
  const sum = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const c of counts) {
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
    sum.tn += c.tn;
  }
  return sum;
}

/**
 * Returns trafilatura's figures for the counts: precision tp/(tp+fp), recall tp/(tp+fn),
 * F1, and the share of `without` snippets kept out, tn/(tn+fp).
 */
export function snippetScores(c: SnippetCounts): {
  precision: number;
  recall: number;
  f1: number;
  keptOut: number;
} {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const keptOut = c.tn + c.fp === 0 ? 1 : c.tn / (c.tn + c.fp);
  return { precision, recall, f1: harmonicMean(precision, recall), keptOut };
}
