import type { RawFeed, RawItem } from "../domain/raw-feed";
import { textToHtml } from "../domain/text-to-html";
import { FeedParseError } from "./feed-parse-error";
import { declaresJsonFeed } from "./json-feed-version";

type Json = Record<string, unknown>;

/**
 * Returns the RawFeed of a JSON Feed (1.0 or 1.1; see declaresJsonFeed) document; throws FeedParseError when it is not
 * one. Tolerant of wrong types: a field of the wrong type (a numeric title, a string of tags, an
 * object for authors or url) reads as absent, and items that are not objects are skipped.
 */
export function parseJsonFeed(text: string): RawFeed {
  const doc = parseObject(text);
  if (!declaresJsonFeed(doc)) {
    throw new FeedParseError("not a feed: JSON without a JSON Feed version");
  }
  const items = Array.isArray(doc.items) ? doc.items : [];
  return {
    kind: "json",
    title: str(doc.title),
    siteUrl: str(doc.home_page_url),
    feedUrl: str(doc.feed_url),
    description: str(doc.description),
    language: str(doc.language),
    imageUrl: str(doc.icon) ?? str(doc.favicon),
    ttl: null,
    items: items.filter(isObject).map((item) => toRawItem(item, doc)),
  };
}

function parseObject(text: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (error) {
    throw new FeedParseError(`malformed JSON: ${(error as Error).message.split("\n")[0]}`);
  }
  if (!isObject(value)) throw new FeedParseError("not a feed: JSON that is not an object");
  return value;
}

function toRawItem(item: Json, feed: Json): RawItem {
  const contentText = str(item.content_text);
  return {
    guid:
      str(item.id) ??
      (typeof item.id === "number" && Number.isFinite(item.id) ? String(item.id) : null),
    link: str(item.url) ?? str(item.external_url),
    title: str(item.title),
    summary: str(item.summary),
    content: str(item.content_html) ?? (contentText ? textToHtml(contentText) : null),
    author: authorName(item) ?? authorName(feed),
    published: str(item.date_published),
    updated: str(item.date_modified),
    categories: Array.isArray(item.tags) ? item.tags.filter(isString) : [],
    enclosures: attachments(item),
    imageUrl: str(item.image) ?? str(item.banner_image),
    language: str(item.language),
  };
}

// 1.1 has `authors` (a list); 1.0 has `author` (one object).
function authorName(holder: Json): string | null {
  const authors = Array.isArray(holder.authors) ? holder.authors : [holder.author];
  const names = authors.filter(isObject).map((a) => str(a.name));
  return names.filter(isString).join(", ") || null;
}

function attachments(item: Json): RawItem["enclosures"] {
  const list = Array.isArray(item.attachments) ? item.attachments.filter(isObject) : [];
  return list.flatMap((a) => {
    const url = str(a.url);
    const size = a.size_in_bytes;
    const length = typeof size === "number" && Number.isFinite(size) ? size : null;
    return url ? [{ url, type: str(a.mime_type), length }] : [];
  });
}

function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
