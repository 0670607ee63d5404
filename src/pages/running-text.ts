import { textOf } from "./read-html";

/** Where a page's running text is: the element whose own paragraphs hold the most words. */
export interface RunningText {
  /** That element, or null when the page has no paragraph with words. */
  container: Element | null;
  /** The words of its paragraphs. */
  words: number;
  /** The words of every paragraph on the page. */
  pageWords: number;
}

/**
 * Returns the page's block of running text: paragraphs are credited to their parent, and the
 * parent with the most words wins (a story's body; a listing's teasers are spread over many).
 */
export function findRunningText(document: Document): RunningText {
  const totals = new Map<Element, number>();
  let pageWords = 0;
  for (const paragraph of document.querySelectorAll("p")) {
    const words = wordCount(textOf(paragraph));
    pageWords += words;
    const parent = paragraph.parentElement;
    if (parent !== null) totals.set(parent, (totals.get(parent) ?? 0) + words);
  }
  let container: Element | null = null;
  let best = 0;
  for (const [element, words] of totals) {
    if (words > best) [container, best] = [element, words];
  }
  return { container, words: best, pageWords };
}

// Han and kana: scripts written without spaces between words.
const UNSPACED = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

/**
 * The number of words in the text: whitespace-separated words, where Chinese and Japanese
 * characters (written without spaces) count two to a word.
 */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  if (trimmed === "") return 0;
  const unspaced = trimmed.match(UNSPACED)?.length ?? 0;
  if (unspaced === 0) return trimmed.split(/\s+/).length;
  const spaced = trimmed.replace(UNSPACED, " ").split(/\s+/);
  return spaced.filter((word) => /[\p{L}\p{N}]/u.test(word)).length + Math.ceil(unspaced / 2);
}
