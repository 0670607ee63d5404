/**
 * The marks of a headline that tell one event from another of the same kind: its numbers
 * ("12 April", "4.2") and, in a sentence-case headline, its capitalised words past the first
 * (places, people, days). Folded to lower case without accents; thousands separators dropped.
 */
export function headlineMarks(title: string): string[] {
  const marks = new Set<string>();
  for (const [number] of title.matchAll(/\d[\d.,]*/g)) marks.add(plainNumber(number));
  const words = title.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  // In Title Case Every Word is capitalised, and says nothing.
  if (capitalised <= Math.max(2, words.length / 2)) {
    words.forEach((word, i) => {
      if (i > 0 && /^\p{Lu}\p{Ll}/u.test(word)) marks.add(foldText(word.replace(/['’]s$/, "")));
    });
  }
  return [...marks];
}

/** Text folded for mark lookups: lower case, accents removed, thousands separators dropped. */
export function foldText(text: string): string {
  return plainNumber(
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase(),
  );
}

/**
 * Whether two reports disagree on what sets their event apart: each headline has a mark that
 * the other report (headline and teaser, folded) never mentions, as "Leeds" and "Bristol" in
 * "Man arrested after stabbing in Leeds" and "... in Bristol". A mark matches a word that
 * starts with it, less two letters (Peru, Peruvian).
 */
export function marksConflict(
  a: { marks: readonly string[]; folded: string },
  b: { marks: readonly string[]; folded: string },
): boolean {
  return hasUnmatched(a.marks, b.folded) && hasUnmatched(b.marks, a.folded);
}

function hasUnmatched(marks: readonly string[], folded: string): boolean {
  return marks.some((mark) => !folded.includes(mark.slice(0, Math.max(4, mark.length - 2))));
}

function plainNumber(text: string): string {
  return text.replace(/[.,]+$/, "").replace(/(\d)[,.](?=\d{3}\b)/g, "$1");
}
