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

/** The number of whitespace-separated words in the text. */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
}
