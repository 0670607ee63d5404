import { hash } from "node:crypto";

/** What an article's id is derived from; the first present of guid, url, title (+ date) wins. */
export interface ArticleIdKey {
  sourceId: string;
  guid: string | null;
  /** The canonical URL of the article itself (not a fallback such as the feed's site). */
  url: string | null;
  /** The item's title; for an item without one, its text (summary or content). */
  title: string;
  /** The item's published instant (epoch ms) as written in the feed, unclamped; null if unreadable. */
  date?: number | null;
}

/**
 * Returns the stable article id (32 hex characters): the sha256 of `sourceId + "\n" + guid` when
 * the item has a guid, else of its canonical URL, else of `sourceId + "\n" + title`, followed by
 * `"\n" + date` when the item has a readable date. The same item parsed twice gets the same id.
 */
export function articleId(key: ArticleIdKey): string {
  if (key.guid) return sha256Hex(`${key.sourceId}\n${key.guid}`);
  if (key.url) return sha256Hex(key.url);
  const date = key.date === null || key.date === undefined ? "" : `\n${key.date}`;
  return sha256Hex(`${key.sourceId}\n${key.title}${date}`);
}

function sha256Hex(text: string): string {
  return hash("sha256", text, "hex").slice(0, 32);
}
