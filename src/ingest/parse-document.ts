import type { Article } from "../domain/article";
import { summarizeFeed, type FeedSummary } from "../domain/feed-summary";
import { normalizeItem } from "../domain/normalize-item";
import { detectFormat } from "./detect-format";
import { FeedParseError } from "./feed-parse-error";
import { parseFeed } from "./parse-feed";
import { dropRepeatedGuids, selectNewestItems } from "./parse-item-selection";

/** The most articles parseDocument returns when not told (config `MAX_ITEMS_PER_FETCH`'s default). */
export const DEFAULT_MAX_ITEMS = 500;

/** What parseDocument needs: where the text came from, whose it is, and when it was fetched. */
export interface ParseDocumentOptions {
  /** The document's URL: the last resort for resolving relative links. */
  url: string;
  /** The source the articles belong to (part of their ids); defaults to `url`. */
  sourceId?: string;
  /** The fetch time, epoch ms. */
  now: number;
  /** The most articles to return (the newest; see selectNewestItems); defaults to 500. */
  maxItems?: number;
}

/** A parsed and normalized document: the feed's metadata and its articles. */
export interface ParsedDocument {
  feed: FeedSummary;
  articles: Article[];
}

/**
 * Returns the feed metadata and normalized articles of an RSS, Atom or JSON Feed document.
 * Relative links resolve against the item's xml:base (applied by the parser), else the feed's
 * link, else `url`. A guid repeated within the document yields one article (the first); at most
 * `maxItems` items, the newest, are normalized, and the rest are not. Throws FeedParseError for
 * HTML pages (not supported yet) and non-feeds.
 */
export async function parseDocument(
  text: string,
  opts: ParseDocumentOptions,
): Promise<ParsedDocument> {
  if (detectFormat(text) === "html") {
    throw new FeedParseError("not a feed: HTML pages are not supported yet");
  }
  const raw = await parseFeed(text, { url: opts.url });
  const feed = summarizeFeed(raw, opts.url);
  const ctx = {
    sourceId: opts.sourceId ?? opts.url,
    baseUrl: feed.siteUrl ?? opts.url,
    feedLanguage: feed.language,
    now: opts.now,
    tagOrigin: "feed" as const,
  };
  const items = selectNewestItems(dropRepeatedGuids(raw.items), opts.maxItems ?? DEFAULT_MAX_ITEMS);
  const articles = items.map((item) => normalizeItem(item, ctx));
  return { feed, articles: dropRepeatedIds(articles) };
}

// Items without guids can still normalize to one id (the same link twice): first one wins.
function dropRepeatedIds(articles: (Article | null)[]): Article[] {
  const seen = new Set<string>();
  return articles.filter((a): a is Article => a !== null && !seen.has(a.id) && !!seen.add(a.id));
}
