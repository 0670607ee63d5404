import type { Article } from "../domain/article";
import { summarizeFeed, type FeedSummary } from "../domain/feed-summary";
import { normalizeItem, type NormalizeContext } from "../domain/normalize-item";
import type { RawItem } from "../domain/raw-feed";
import type { PageSelectors } from "../domain/page-selectors";
import type { SourceKind } from "../domain/source";
import { detectFormat } from "../feeds/detect-format";
import { FeedParseError } from "../feeds/feed-parse-error";
import { notAFeedMessage, parseFeedOfFormat } from "../feeds/parse-feed";
import type { HtmlPageKind, ParsedHtmlPage } from "../pages/parse-html-page";
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
  /**
   * What the source was added as. An HTML page is read as a page for `html` sources and when the
   * kind is not given (`newsgate parse`); a feed source that answers with one is failing.
   */
  kind?: SourceKind;
  /** The source's CSS selectors for its listing page, if any. */
  selectors?: PageSelectors | null;
}

/** A parsed and normalized document: the feed's metadata and its articles. */
export interface ParsedDocument {
  feed: FeedSummary;
  articles: Article[];
  /** For an HTML page: a listing of headlines or one story; null for feeds. */
  pageKind: HtmlPageKind | null;
  /** Story URLs of an HTML page's own "most popular" list, rank 1 first; empty for feeds. */
  popular: string[];
}

/**
 * Returns the feed metadata and normalized articles of an RSS, Atom or JSON Feed document, or of
 * an HTML page (its headlines, or its one story; see parseHtmlPage). Relative links resolve
 * against the item's xml:base (applied by the parser), else the feed's link, else `url`. A guid
 * repeated within the document yields one article (the first); at most `maxItems` items, the
 * newest, are normalized, and the rest are not. Throws FeedParseError for what is neither.
 */
export async function parseDocument(
  text: string,
  opts: ParseDocumentOptions,
): Promise<ParsedDocument> {
  const format = detectFormat(text);
  const page = format === "html" ? await readPage(text, opts) : null;
  const raw = page?.feed ?? (await parseFeedOfFormat(text, format, { url: opts.url }));
  const feed = summarizeFeed(raw, opts.url);
  const ctx = {
    sourceId: opts.sourceId ?? opts.url,
    baseUrl: page ? opts.url : (feed.siteUrl ?? opts.url),
    feedLanguage: feed.language,
    now: opts.now,
    tagOrigin: page ? ("page" as const) : ("feed" as const),
    route: page?.pageKind ?? ("feed" as const),
  };
  const items = selectNewestItems(dropRepeatedGuids(raw.items), opts.maxItems ?? DEFAULT_MAX_ITEMS);
  const articles = dropRepeatedIds(await normalizeYielding(items, ctx));
  return { feed, articles, pageKind: page?.pageKind ?? null, popular: page?.popular ?? [] };
}

async function readPage(text: string, opts: ParseDocumentOptions): Promise<ParsedHtmlPage> {
  if (opts.kind !== undefined && opts.kind !== "html") {
    throw new FeedParseError(
      `not a feed: ${notAFeedMessage(text).replace(/^not a feed: /, "")} (a page is read as a source of kind html)`,
    );
  }
  // Page extraction (linkedom, Readability) loads with the first HTML page, not at import: it
  // takes about 170 ms to load, and a feed never needs it.
  const { parseHtmlPage } = await import("../pages/parse-html-page");
  const page = parseHtmlPage(text, opts.url, opts.selectors ?? null);
  if (page.feed.items.length === 0) {
    // A saved page's links resolve against its file: address, which no headline can live at.
    const hint = /^https?:/i.test(opts.url)
      ? ""
      : " (read from a file: give the page's web address as its base URL)";
    throw new FeedParseError(
      `not a news page: it holds neither a story nor a list of headlines${hint}`,
    );
  }
  return page;
}

// Sanitizing costs about 0.5 s per MB of HTML: after each stretch of heavy items, give the event
// loop a turn, so a feed of large stories never holds up the API or the other sources' fetches.
const YIELD_AFTER_CHARS = 256 * 1024;

async function normalizeYielding(
  items: RawItem[],
  ctx: NormalizeContext,
): Promise<(Article | null)[]> {
  const articles: (Article | null)[] = [];
  let sinceYield = 0;
  for (const item of items) {
    articles.push(normalizeItem(item, ctx));
    sinceYield += (item.content?.length ?? 0) + (item.summary?.length ?? 0);
    if (sinceYield >= YIELD_AFTER_CHARS) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return articles;
}

// Items without guids can still normalize to one id (the same link twice): first one wins.
function dropRepeatedIds(articles: (Article | null)[]): Article[] {
  const seen = new Set<string>();
  return articles.filter((a): a is Article => a !== null && !seen.has(a.id) && !!seen.add(a.id));
}
