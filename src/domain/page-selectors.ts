/**
 * CSS selectors that pick an html source's headlines when the page defeats the heuristic: `item`
 * finds each story block; the others are read inside it (title text, link href, summary text,
 * date from `datetime`/`content` or the text, image from `src`/`data-src`).
 */
export interface PageSelectors {
  item: string;
  title?: string;
  link?: string;
  summary?: string;
  date?: string;
  image?: string;
}

/** The selector fields, in the order a config lists them. */
export const PAGE_SELECTOR_FIELDS = ["item", "title", "link", "summary", "date", "image"] as const;
