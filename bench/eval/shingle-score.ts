/** Precision, recall and F1 of an extracted text against the expected one, each 0..1. */
export interface TextScore {
  precision: number;
  recall: number;
  f1: number;
}

/** How many words make one shingle. */
export const SHINGLE_WORDS = 4;

// Chinese and Japanese are written without spaces: each of their characters counts as a word.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * Returns the words of a text, lower-cased: runs of letters, digits and marks, with each Han,
 * Hiragana or Katakana character a word of its own.
 */
export function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(UNSPACED, " $& ")
      .match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
  );
}

/**
 * Returns the text's word shingles (runs of SHINGLE_WORDS words) with their counts; a text of
 * fewer words is one shingle of all of them, and a text of none has none.
 */
export function shinglesOf(text: string, size = SHINGLE_WORDS): Map<string, number> {
  const words = wordsOf(text);
  const counts = new Map<string, number>();
  if (words.length === 0) return counts;
  const last = Math.max(0, words.length - size);
  for (let i = 0; i <= last; i++) {
    const shingle = words.slice(i, i + size).join(" ");
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/**
 * Scores extracted text against the expected text over word 4-gram shingles counted as a
 * multiset: precision is the share of extracted shingles that are expected, recall the share of
 * expected shingles extracted. Both texts empty scores 1; only one empty scores 0.
 */
export function scoreText(expected: string, actual: string): TextScore {
  const want = shinglesOf(expected);
  const got = shinglesOf(actual);
  const wantTotal = total(want);
  const gotTotal = total(got);
  if (wantTotal === 0 && gotTotal === 0) return { precision: 1, recall: 1, f1: 1 };
  let common = 0;
  for (const [shingle, n] of got) common += Math.min(n, want.get(shingle) ?? 0);
  const precision = gotTotal === 0 ? 0 : common / gotTotal;
  const recall = wantTotal === 0 ? 0 : common / wantTotal;
  return { precision, recall, f1: harmonicMean(precision, recall) };
}

/** Returns 2pr/(p+r), or 0 when both are 0. */
export function harmonicMean(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const n of counts.values()) sum += n;
  return sum;
}
