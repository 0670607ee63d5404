import type { PageSelectors } from "../domain/page-selectors";
import type { RawItem } from "../domain/raw-feed";
import { canonicalizeUrl } from "../domain/canonical-url";
import { resolveUrl } from "../domain/resolve-url";
import { escapeHtml } from "../domain/text-to-html";
import { findHeadlineBlocks, type HeadlineBlock } from "./find-headline-blocks";
import { ARTICLE_TYPES, hasType, type JsonLdNode, ldText, readJsonLd } from "./read-json-ld";
import { attrOf, textOf } from "./read-html";
import { readVisibleDate } from "./read-visible-date";

/**
 * Returns the headlines of a listing page (front, section or tag page) as raw items, in page
 * order, from the most trusted source that has them: schema.org JSON-LD (ItemList or article
 * nodes), then microdata, then the page's repeated story blocks (see findHeadlineBlocks). Each
 * item's link is its story page; its teaser, when the page shows one, is its summary.
 */
export function extractListing(
  document: Document,
  pageUrl: string,
  selectors: PageSelectors | null = null,
): RawItem[] {
  if (selectors !== null) return dedupe(fromSelectors(document, pageUrl, selectors));
  for (const read of [fromJsonLd, fromMicrodata, fromBlocks]) {
    const items = dedupe(read(document, pageUrl));
    if (items.length > 0) return items;
  }
  return [];
}

// Items of the page's own lists (a breadcrumb is navigation), else every article node.
function fromJsonLd(document: Document, pageUrl: string): RawItem[] {
  const nodes = readJsonLd(document);
  const listed = nodes
    .filter((node) => hasType(node, "ItemList") && !hasType(node, "BreadcrumbList"))
    .flatMap((list) => (Array.isArray(list.itemListElement) ? list.itemListElement : []))
    .map((entry: JsonLdNode) =>
      typeof entry.item === "object" && entry.item !== null
        ? (entry.item as JsonLdNode)
        : { ...entry, url: entry.url ?? entry.item },
    );
  const fromList = listed
    .map((node) => ldItem(node, pageUrl))
    .filter((i): i is RawItem => i !== null);
  if (fromList.length > 0) return fromList;
  return nodes
    .filter((node) => hasType(node, ...ARTICLE_TYPES))
    .map((node) => ldItem(node, pageUrl))
    .filter((i): i is RawItem => i !== null);
}

function ldItem(node: JsonLdNode, pageUrl: string): RawItem | null {
  return item(pageUrl, {
    link: ldText(node.url) ?? ldText(node["@id"]),
    title: ldText(node.headline) ?? ldText(node.name),
    summary: ldText(node.description),
    published: ldText(node.datePublished),
    imageUrl: ldText(node.image) ?? ldText(node.thumbnailUrl),
  });
}

function fromMicrodata(document: Document, pageUrl: string): RawItem[] {
  const scopes = [...document.querySelectorAll("[itemscope][itemtype]")].filter((scope) =>
    ARTICLE_TYPES.some((type) => (attrOf(scope, "itemtype") ?? "").endsWith(`/${type}`)),
  );
  return scopes
    .map((scope) => {
      const prop = (name: string) => scope.querySelector(`[itemprop~="${name}"]`);
      const url = prop("url");
      const headline = prop("headline") ?? prop("name");
      return item(pageUrl, {
        link:
          attrOf(url, "href") ??
          attrOf(url, "content") ??
          attrOf(headline?.querySelector("a[href]") ?? headline?.closest("a[href]"), "href"),
        title: textOf(headline) || null,
        summary: textOf(prop("description")) || null,
        published:
          attrOf(prop("datePublished"), "datetime") ?? attrOf(prop("datePublished"), "content"),
        imageUrl: attrOf(prop("image"), "src") ?? attrOf(prop("image"), "content"),
      });
    })
    .filter((i): i is RawItem => i !== null);
}

function fromBlocks(document: Document, pageUrl: string): RawItem[] {
  return findHeadlineBlocks(document, pageUrl)
    .map((block: HeadlineBlock) => item(pageUrl, block))
    .filter((i): i is RawItem => i !== null);
}

// The operator's selectors, for a page that defeats the rest: each item block, and in it the
// title (else its first heading or link), the link (else the title's), summary, date and image.
function fromSelectors(document: Document, pageUrl: string, selectors: PageSelectors): RawItem[] {
  return [...document.querySelectorAll(selectors.item)]
    .map((block) => {
      const pick = (selector: string | undefined) =>
        selector ? block.querySelector(selector) : null;
      const title = pick(selectors.title) ?? block.querySelector("h1, h2, h3, h4, a[href]");
      const anchor =
        pick(selectors.link) ??
        title?.closest("a[href]") ??
        title?.querySelector("a[href]") ??
        block.querySelector("a[href]");
      const date = pick(selectors.date);
      const image = pick(selectors.image);
      return item(pageUrl, {
        link: attrOf(anchor, "href"),
        title: textOf(title) || null,
        summary: textOf(pick(selectors.summary)) || null,
        published:
          attrOf(date, "datetime") ??
          attrOf(date, "content") ??
          (date ? readVisibleDate(textOf(date)) : null),
        imageUrl: attrOf(image, "data-src") ?? attrOf(image, "src"),
      });
    })
    .filter((i): i is RawItem => i !== null);
}

interface Headline {
  link: string | null;
  title: string | null;
  summary: string | null;
  published: string | null;
  imageUrl: string | null;
}

// Text becomes escaped HTML: a RawItem's title and summary are read as HTML by the normalizer.
// A link to the page itself (its own headline, "#comments") is no headline of a listing.
function item(pageUrl: string, h: Headline): RawItem | null {
  const link = canonicalizeUrl(h.link, pageUrl);
  if (link === null || !h.title || link === canonicalizeUrl(pageUrl)) return null;
  return {
    guid: null,
    link,
    title: escapeHtml(h.title),
    summary: h.summary ? escapeHtml(h.summary) : null,
    content: null,
    author: null,
    published: h.published,
    updated: null,
    categories: [],
    enclosures: [],
    imageUrl: resolveUrl(h.imageUrl, pageUrl),
    language: null,
  };
}

// A story linked twice (a lead and a rail) is one headline, where it first appears.
function dedupe(items: RawItem[]): RawItem[] {
  const seen = new Set<string>();
  return items.filter((i) => i.link !== null && !seen.has(i.link) && !!seen.add(i.link));
}
