import type { Article, TagOrigin } from "./article";
import { articleId } from "./article-id";
import { resolveArticleDates } from "./article-dates";
import { normalizeEnclosures } from "./article-enclosures";
import { pickImageUrl } from "./article-image";
import { normalizeAuthor } from "./author-name";
import { canonicalizeUrl } from "./canonical-url";
import { normalizeLanguage } from "./language-tag";
import {
  collapseWhitespace,
  countWords,
  htmlToPlainText,
  toPlainLine,
  truncateAtWord,
} from "./plain-text";
import type { RawItem } from "./raw-feed";
import { sanitizeContent } from "./sanitize-content";
import { tagsFromCategories } from "./tags-from-categories";

/** The longest summary, in characters; longer text is cut at a word boundary. */
export const MAX_SUMMARY_LENGTH = 300;
/** The longest title made up from the summary when an item has no title. */
export const MAX_FALLBACK_TITLE_LENGTH = 100;

/** What normalizing an item needs besides the item itself. */
export interface NormalizeContext {
  sourceId: string;
  /** Base for relative links: the item's xml:base, else the feed's link, else the document URL. */
  baseUrl: string;
  feedLanguage: string | null;
  /** The fetch time (epoch ms): fallback and upper bound for dates, and the ingestion time. */
  now: number;
  tagOrigin: TagOrigin;
}

interface ArticleText {
  title: string;
  summary: string | null;
  contentHtml: string | null;
  contentText: string | null;
}

/**
 * Returns the normalized Article for a raw item (the one place a RawItem becomes an Article), or
 * null when the item has neither a usable link, nor a guid, nor a title.
 */
export function normalizeItem(item: RawItem, ctx: NormalizeContext): Article | null {
  const guid = item.guid?.trim() || null;
  const link = articleLink(item, guid, ctx.baseUrl);
  if (!link && !guid && !toPlainLine(item.title)) return null;
  const url = link ?? canonicalizeUrl(ctx.baseUrl) ?? ctx.baseUrl;
  const text = articleText(item, url, guid);
  const enclosures = normalizeEnclosures(item.enclosures, url);
  return {
    id: articleId({ sourceId: ctx.sourceId, guid, url: link, title: text.title }),
    sourceId: ctx.sourceId,
    guid,
    url,
    ...text,
    author: normalizeAuthor(item.author),
    ...resolveArticleDates(item.published, item.updated, ctx.now),
    ingestedAt: ctx.now,
    language: normalizeLanguage(item.language) ?? normalizeLanguage(ctx.feedLanguage),
    imageUrl: pickImageUrl(item.imageUrl, enclosures, text.contentHtml, url),
    wordCount: countWords(text.contentText ?? text.summary ?? ""),
    enclosures,
    tags: tagsFromCategories(item.categories, ctx.tagOrigin),
  };
}

// The link, else a guid that is itself an absolute http(s) URL (Atom ids and RSS permalinks often are).
function articleLink(item: RawItem, guid: string | null, baseUrl: string): string | null {
  return canonicalizeUrl(item.link, baseUrl) ?? (guid ? canonicalizeUrl(guid) : null);
}

function articleText(item: RawItem, url: string, guid: string | null): ArticleText {
  const contentHtml = item.content?.trim() ? sanitizeContent(item.content, url) : "";
  const contentText = contentHtml ? htmlToPlainText(contentHtml) : "";
  const hasContent = contentText !== "" || /<img\b/i.test(contentHtml);
  const summaryText = toPlainLine(item.summary) ?? (collapseWhitespace(contentText) || null);
  const title =
    toPlainLine(item.title) ??
    (summaryText ? truncateAtWord(summaryText, MAX_FALLBACK_TITLE_LENGTH) : (guid ?? url));
  return {
    title,
    summary: summaryText ? truncateAtWord(summaryText, MAX_SUMMARY_LENGTH) : null,
    contentHtml: hasContent ? contentHtml : null,
    contentText: contentText || null,
  };
}
