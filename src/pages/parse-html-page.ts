import type { PageSelectors } from "../domain/page-selectors";
import type { RawFeed } from "../domain/raw-feed";
import { extractListing } from "./extract-listing";
import { extractPageMeta } from "./extract-page-meta";
import { extractPopular } from "./extract-popular";
import { extractStory } from "./extract-story";
import { ARTICLE_TYPES, hasType, readJsonLd } from "./read-json-ld";
import { metaContent, readHtml, textOf } from "./read-html";

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
  // The operator's selectors say the page is a listing, and how to read it.
  const asStory = selectors === null && (saysItIsAStory(document) || !saysItIsAListing(document));
  const story = asStory ? extractStory(document, pageUrl) : null;
  if (story !== null) return { feed: { ...feed, items: [story.item] }, pageKind: "story", popular };
  return {
    feed: { ...feed, items: extractListing(document, pageUrl, selectors) },
    pageKind: "listing",
    popular,
  };
}

// Open Graph's type, else exactly one story in the structured data and no list of them.
function saysItIsAStory(document: Document): boolean {
  const type = metaContent(document, "og:type");
  if (type !== null) return type === "article";
  const nodes = readJsonLd(document);
  // A live blog's updates are postings of their own; the page is still one story.
  if (nodes.some((node) => hasType(node, "LiveBlogPosting"))) return true;
  const stories = nodes.filter((node) => hasType(node, ...ARTICLE_TYPES));
  return stories.length === 1 && !nodes.some((node) => hasType(node, "ItemList", "CollectionPage"));
}

function saysItIsAListing(document: Document): boolean {
  const nodes = readJsonLd(document);
  return (
    metaContent(document, "og:type") === "website" ||
    nodes.some((node) => hasType(node, "ItemList", "CollectionPage")) ||
    nodes.filter((node) => hasType(node, ...ARTICLE_TYPES)).length > 1 ||
    document.querySelectorAll("h2 a[href], h3 a[href]").length >= 4
  );
}
