import type { PageSelectors } from "../domain/page-selectors";
import type { RawFeed, RawItem } from "../domain/raw-feed";
import { extractListing } from "./extract-listing";
import { extractPageMeta } from "./extract-page-meta";
import { extractPopular } from "./extract-popular";
import { extractStory } from "./extract-story";
import { metaContent, readHtml, textOf } from "./read-html";
import { weighPageKind } from "./weigh-page-kind";

/** What an HTML page is read as: a list of headlines, or one story. */
export type HtmlPageKind = "listing" | "story";

/** An HTML page read: as a feed of raw items, what kind of page it was, and its popular list. */
export interface ParsedHtmlPage {
  feed: RawFeed;
  pageKind: HtmlPageKind;
  /** Story URLs of the page's own "most popular" list, rank 1 first. */
  popular: string[];
}

/**
 * Reads an HTML page: a story page (it says it is an article, or it tells a story and lists
 * few headlines) becomes a feed of that one story; any other page, a feed of its headlines
 * (picked by the source's CSS selectors when it has them).
 */
export function parseHtmlPage(
  html: string,
  pageUrl: string,
  selectors: PageSelectors | null = null,
): ParsedHtmlPage {
  return readHtmlPage(readHtml(html), pageUrl, selectors);
}

/** Reads a page already parsed into a DOM (linkedom in the service; any DOM works). */
export function readHtmlPage(
  document: Document,
  pageUrl: string,
  selectors: PageSelectors | null = null,
): ParsedHtmlPage {
  const meta = extractPageMeta(document, pageUrl);
  const feed: RawFeed = {
    kind: "html",
    title: meta.siteName ?? (textOf(document.querySelector("title")) || null),
    siteUrl: new URL(pageUrl).origin,
    feedUrl: pageUrl,
    description: metaContent(document, "description", "og:description"),
    language: meta.language,
    imageUrl: null,
    ttl: null,
    items: [],
  };
  const popular = extractPopular(document, pageUrl);
  const page = (pageKind: HtmlPageKind, items: RawItem[]): ParsedHtmlPage => ({
    feed: { ...feed, items },
    pageKind,
    popular,
  });
  // The operator's selectors say the page is a listing, and how to read it.
  if (selectors !== null) return page("listing", extractListing(document, pageUrl, selectors));
  const evidence = weighPageKind(document, pageUrl);
  const length = evidence.brief ? "brief" : "story";
  const story = evidence.story ? extractStory(document, pageUrl, meta, { length }) : null;
  if (story !== null) return page("story", [story.item]);
  const items = extractListing(document, pageUrl, null);
  // A page that lists no stories (or one link that reads like a headline: a forum thread's or a
  // wiki page's own title) may still tell one; so may a page at a story's address whose
  // headline-like links are not stories (a saved front page's are, but do not resolve).
  const alone = evidence.brief ? "brief" : "lone";
  const lone = items.length <= 1 && !evidence.story && (!evidence.listsStories || evidence.brief);
  const told = lone ? extractStory(document, pageUrl, meta, { length: alone }) : null;
  return told !== null ? page("story", [told.item]) : page("listing", items);
}
