import { hash } from "node:crypto";
import type { Article, Enclosure, Tag } from "../domain/article";
import type { ArticleCard } from "../domain/article-card";
import { readingTimeMinutes } from "../domain/reading-time";
import { isArticleRoute } from "../domain/article-route";
import { titleFingerprint } from "../domain/title-fingerprint";
import type { ArticleRow } from "./database";

/** The columns an upsert compares and rewrites; identity and ingest time are not among them. */
export const ARTICLE_CONTENT_COLUMNS = [
  "title",
  "summary",
  "content_html",
  "content_text",
  "author",
  "published_at",
  "updated_at",
  "url",
  "image_url",
  "language",
  "word_count",
  "enclosures",
  "fingerprint",
  "content_route",
  "meta_route",
] as const;

/** One of the content columns. */
export type ArticleContentColumn = (typeof ARTICLE_CONTENT_COLUMNS)[number];

/** The content columns of an article row, as an update writes them. */
export type ArticleContent = Pick<ArticleRow, ArticleContentColumn>;

/** The hex SHA-256 of a guid (the unique key with source_id), or null when there is no guid. */
export function hashGuid(guid: string | null): string | null {
  return guid === null ? null : hash("sha256", guid, "hex");
}

/** The enclosures as stored JSON text, with a fixed key order so equal lists compare equal. */
export function serializeEnclosures(enclosures: readonly Enclosure[]): string {
  return JSON.stringify(enclosures.map((e) => ({ url: e.url, type: e.type, length: e.length })));
}

/** The enclosures parsed from stored JSON text; malformed text yields an empty list. */
export function parseEnclosures(text: string): Enclosure[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as Enclosure[]) : [];
  } catch {
    return [];
  }
}

/** The `articles` row for an article (no cluster yet); both its routes are the article's. */
export function articleToRow(article: Article): ArticleRow {
  return {
    id: article.id,
    source_id: article.sourceId,
    guid: article.guid,
    guid_hash: hashGuid(article.guid),
    url: article.url,
    title: article.title,
    summary: article.summary,
    content_html: article.contentHtml,
    content_text: article.contentText,
    author: article.author,
    published_at: article.publishedAt,
    updated_at: article.updatedAt,
    ingested_at: article.ingestedAt,
    language: article.language,
    image_url: article.imageUrl,
    word_count: article.wordCount,
    enclosures: serializeEnclosures(article.enclosures),
    fingerprint: titleFingerprint(article.title),
    cluster_id: null,
    content_route: article.route,
    meta_route: article.route,
  };
}

/** The Article an `articles` row and its tags describe. */
export function rowToArticle(row: ArticleRow, tags: Tag[]): Article {
  return {
    ...commonFields(row, tags),
    contentHtml: row.content_html,
    contentText: row.content_text,
    route: isArticleRoute(row.content_route) ? row.content_route : "feed",
    clusterId: row.cluster_id,
  };
}

/** The columns a card is read from: all but the story's text and the bookkeeping. */
export const CARD_COLUMNS = [
  "id",
  "source_id",
  "guid",
  "url",
  "title",
  "summary",
  "author",
  "published_at",
  "updated_at",
  "ingested_at",
  "language",
  "image_url",
  "word_count",
  "enclosures",
  "cluster_id",
] as const;

/** The card an `articles` row (its card columns) and its tags describe. */
export function rowToCard(row: CardRow, tags: Tag[]): ArticleCard {
  return {
    ...commonFields(row, tags),
    readingTimeMinutes: readingTimeMinutes(row.word_count),
    clusterId: row.cluster_id,
  };
}

type CardRow = Pick<ArticleRow, (typeof CARD_COLUMNS)[number]>;

// What an Article and a card share, read from a row.
function commonFields(row: CardRow, tags: Tag[]) {
  return {
    id: row.id,
    sourceId: row.source_id,
    guid: row.guid,
    url: row.url,
    title: row.title,
    summary: row.summary,
    author: row.author,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    ingestedAt: row.ingested_at,
    language: row.language,
    imageUrl: row.image_url,
    wordCount: row.word_count,
    enclosures: parseEnclosures(row.enclosures),
    tags,
  };
}

/** The content columns of a row. */
export function pickContent(row: ArticleContent): ArticleContent {
  const content = {} as Record<ArticleContentColumn, unknown>;
  for (const column of ARTICLE_CONTENT_COLUMNS) content[column] = row[column];
  return content as ArticleContent;
}

/** Whether any content column differs between two rows. */
export function contentDiffers(a: ArticleContent, b: ArticleContent): boolean {
  return ARTICLE_CONTENT_COLUMNS.some((column) => a[column] !== b[column]);
}

/** An order-free key of a tag list's (slug, origin) pairs, for change detection. */
export function tagSetKey(tags: readonly Pick<Tag, "slug" | "origin">[]): string {
  return tags
    .map((t) => `${t.slug}\u0000${t.origin}`)
    .sort()
    .join("\u0001");
}

/** The tags with duplicate slugs removed (the first occurrence wins, as article_tags is keyed so). */
export function uniqueTags(tags: readonly Tag[]): Tag[] {
  const seen = new Set<string>();
  return tags.filter((t) => !seen.has(t.slug) && seen.add(t.slug));
}
