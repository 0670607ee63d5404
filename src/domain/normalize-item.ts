import type { Article, TagOrigin } from "./article";
import type { ArticleRoute } from "./article-route";
import { articleId } from "./article-id";
import { resolveArticleDates } from "./article-dates";
import { normalizeEnclosures } from "./article-enclosures";
import { pickImageUrl } from "./article-image";
import { normalizeAuthor } from "./author-name";
import { canonicalizeUrl } from "./canonical-url";
import { capHtml } from "./cap-html";
import { normalizeLanguage } from "./language-tag";
import { parseDate } from "./parse-date";
import { resolveUrl } from "./resolve-url";
import {
  collapseWhitespace,
  countWords,
  readSanitizedHtmlText,
  toPlainLine,
  truncateAtWord,
} from "./plain-text";
import type { RawItem } from "./raw-feed";
import { sanitizeContent } from "./sanitize-content";
import { tagsFromCategories } from "./tags-from-categories";
import {
  MAX_CONTENT_LENGTH,
  MAX_FALLBACK_TITLE_LENGTH,
  MAX_SUMMARY_LENGTH,
  MAX_TITLE_LENGTH,
} from "./text-limits";

/** The text limits an Article keeps to (defined with the others in text-limits). */
export { MAX_FALLBACK_TITLE_LENGTH, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH } from "./text-limits";

/** What normalizing an item needs besides the item itself. */
export interface NormalizeContext {
  sourceId: string;
  /** Base for relative links: the item's xml:base, else the feed's link, else the document URL. */
  baseUrl: string;
  /** The feed's language tag, already in canonical form (see normalizeLanguage). */
  feedLanguage: string | null;
  /** The fetch time (epoch ms): fallback and upper bound for dates, and the ingestion time. */
  now: number;
  tagOrigin: TagOrigin;
  /** Which way the item came: a feed, a listing page or a story page. */
  route: ArticleRoute;
}

interface ArticleText {
  title: string;
  summary: string | null;
  contentHtml: string | null;
  contentText: string | null;
  wordCount: number;
}

/**
 * Returns the normalized Article for a raw item (the one place a RawItem becomes an Article), or
 * null when the item has nothing of its own: no usable link, guid, title, text, enclosure, author,
 * category or readable date (RSS 2.0 allows an item that is only a description). Without a guid
 * or link, the id comes from the title, else the item's text, else its author or categories, with
 * its date (see articleId). Without a link of its own, the item links where a
 * feed reader's "open" goes: a permalink guid, else its first enclosure (a podcast episode's
 * audio), else the feed's site with a fragment naming the item (`#item-<id>`), so that each item
 * keeps a URL of its own. Every field is bounded: title 500 characters, summary 300, content
 * 1,000,000 characters (see boundedContent).
 */
export function normalizeItem(item: RawItem, ctx: NormalizeContext): Article | null {
  const guid = item.guid?.trim() || null;
  const link = articleLink(item, guid, ctx.baseUrl);
  const ownUrl = link ?? enclosureLink(item, ctx.baseUrl);
  const siteUrl = canonicalizeUrl(ctx.baseUrl) ?? ctx.baseUrl;
  // Relative links in the content: against the xml:base in scope, else the item's page.
  const contentBase = resolveUrl(item.contentBase ?? null, link ?? siteUrl) ?? link ?? siteUrl;
  const text = articleText(item, contentBase, guid ?? ownUrl ?? siteUrl);
  const ownTitle = toPlainLine(item.title);
  const body = text.contentText ?? text.summary ?? text.contentHtml;
  const published = parseDate(item.published);
  const updated = parseDate(item.updated);
  const byline = item.author?.trim() || null;
  const marks = byline ?? categoryText(item.categories);
  if (!ownUrl && !guid && !ownTitle && !body && !marks && published === null && updated === null) {
    return null;
  }
  const date = published ?? updated;
  const idText = ownTitle ? text.title : (body ?? marks ?? "");
  const id = articleId({ sourceId: ctx.sourceId, guid, url: ownUrl, title: idText, date });
  const url = ownUrl ?? `${siteUrl.replace(/#.*$/, "")}#item-${id.slice(0, 12)}`;
  const enclosures = normalizeEnclosures(item.enclosures, url);
  return {
    id,
    sourceId: ctx.sourceId,
    guid,
    url,
    ...text,
    author: normalizeAuthor(item.author),
    ...resolveArticleDates(published, updated, ctx.now),
    ingestedAt: ctx.now,
    language: (item.language ? normalizeLanguage(item.language) : null) ?? ctx.feedLanguage,
    imageUrl: pickImageUrl(item.imageUrl, enclosures, text.contentHtml, url),
    enclosures,
    tags: tagsFromCategories(item.categories, ctx.tagOrigin),
    route: ctx.route,
  };
}

// The link, else a guid that is itself an absolute http(s) URL (Atom ids and RSS permalinks often
// are). A `javascript:` or other non-http link is no link: the item falls back to these.
function articleLink(item: RawItem, guid: string | null, baseUrl: string): string | null {
  return canonicalizeUrl(item.link, baseUrl) ?? (guid ? canonicalizeUrl(guid) : null);
}

// The categories as one line, for an item whose only marks of its own are its categories.
function categoryText(categories: RawItem["categories"]): string | null {
  const names = categories.map((category) =>
    typeof category === "string" ? category : category.name || category.term,
  );
  return names.join(", ").trim() || null;
}

// The first enclosure with an http(s) URL.
function enclosureLink(item: RawItem, baseUrl: string): string | null {
  for (const enclosure of item.enclosures) {
    const url = canonicalizeUrl(enclosure.url, baseUrl);
    if (url) return url;
  }
  return null;
}

function articleText(item: RawItem, contentBase: string, lastTitle: string): ArticleText {
  const contentHtml = item.content?.trim() ? boundedContent(item.content, contentBase) : "";
  const content = contentHtml ? readSanitizedHtmlText(contentHtml) : { text: "", words: 0 };
  const contentText = content.text;
  const hasContent = contentText !== "" || /<(?:img|iframe)\b/i.test(contentHtml);
  const summaryText = plainLine(item.summary) ?? (collapseWhitespace(contentText) || null);
  const ownTitle = plainLine(item.title);
  const title = ownTitle
    ? truncateAtWord(ownTitle, MAX_TITLE_LENGTH)
    : summaryText
      ? truncateAtWord(summaryText, MAX_FALLBACK_TITLE_LENGTH)
      : truncateAtWord(lastTitle, MAX_TITLE_LENGTH);
  const summary = summaryText ? truncateAtWord(summaryText, MAX_SUMMARY_LENGTH) : null;
  return {
    title,
    summary,
    contentHtml: hasContent ? contentHtml : null,
    contentText: contentText || null,
    // The story's words, else the summary's.
    wordCount: contentText ? content.words : countWords(summary ?? ""),
  };
}

// The sanitized form of at most 1,000,000 characters and 10,000 tags of the HTML (capHtml). When
// sanitizing makes it longer (escaped text, rel attributes), the result is cut again the same way
// and sanitized once more, which only closes the elements open at the cut: at most 1,000,000
// characters plus those closing tags.
function boundedContent(html: string, url: string): string {
  const clean = sanitizeContent(capHtml(html), url);
  return clean.length <= MAX_CONTENT_LENGTH ? clean : sanitizeContent(capHtml(clean), url);
}

// Title and summary text bounded like the content, so their work is bounded too.
function plainLine(html: string | null): string | null {
  return html ? toPlainLine(capHtml(html)) : null;
}
