// One Chinese or Japanese character is a word of its own; else runs of letters and digits.
const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{P}\p{S}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

// Three in four of the heading's words said in the title: the same headline, maybe cut short
// or with the site's name around it.
const SAME_SHARE = 0.75;

function wordsOf(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(WORD) ?? [];
}

/**
 * Whether a heading on the page repeats the story's title (the headline, possibly shortened or
 * with a kicker): most of its words are the title's. A heading that says something else (a
 * section's heading, a different line) is not.
 */
export function isSameHeadline(heading: string, title: string): boolean {
  const said = new Set(wordsOf(title));
  const words = wordsOf(heading);
  if (words.length === 0) return false;
  const shared = words.filter((word) => said.has(word)).length;
  return shared / words.length >= SAME_SHARE;
}
