import type { Generated, Insertable, Selectable } from "kysely";

/** The `sources` table: declared sources with their fetch state and lease. */
export interface SourcesTable {
  id: string;
  name: string;
  url: string;
  kind: string;
  interval_seconds: number | null;
  schedule: string | null;
  user_agent: string | null;
  /** 1 when teaser-only items get their story page fetched; see Source.fullText. */
  full_text: Generated<number>;
  /** JSON of the source's PageSelectors, or null. */
  page_selectors: string | null;
  /** JSON array of strings. */
  tags: string;
  site_url: string | null;
  language: string | null;
  etag: string | null;
  last_modified: string | null;
  next_check_at: number;
  next_check_reason: string;
  lease_until: number | null;
  lease_owner: string | null;
  last_fetched_at: number | null;
  last_success_at: number | null;
  last_status: string | null;
  last_http_status: number | null;
  last_error: string | null;
  consecutive_failures: Generated<number>;
  items_seen: Generated<number>;
  fetch_count: Generated<number>;
  not_modified_count: Generated<number>;
  created_at: number;
  /** When the source was removed (epoch ms); null while it is declared. */
  removed_at: number | null;
}

/** The `articles` table: one row per normalized article; `enclosures` is JSON text. */
export interface ArticlesTable {
  id: string;
  source_id: string;
  guid: string | null;
  guid_hash: string | null;
  url: string;
  title: string;
  summary: string | null;
  content_html: string | null;
  content_text: string | null;
  author: string | null;
  published_at: number;
  updated_at: number | null;
  ingested_at: number;
  language: string | null;
  image_url: string | null;
  word_count: number;
  enclosures: string;
  fingerprint: string | null;
  cluster_id: string | null;
  /** The route (`feed`, `listing`, `story`) that gave the content: html, text, image. */
  content_route: string;
  /** The route that gave the headline, teaser, dates and author. */
  meta_route: string;
}

/** The `tags` table: a slug and the display name it was first seen with. */
export interface TagsTable {
  slug: string;
  name: string;
}

/** The `article_tags` table: which tags an article carries, where each came from, in order. */
export interface ArticleTagsTable {
  article_id: string;
  slug: string;
  origin: string;
  position: number;
}

/** The `article_stats` table: flushed view counts and a source's own popularity rank. */
export interface ArticleStatsTable {
  article_id: string;
  views: Generated<number>;
  source_rank: number | null;
  updated_at: number;
}

/** Every table the store owns, keyed by table name, for `Kysely<Database>`. */
export interface Database {
  sources: SourcesTable;
  articles: ArticlesTable;
  tags: TagsTable;
  article_tags: ArticleTagsTable;
  article_stats: ArticleStatsTable;
}

/** A `sources` row as read. */
export type SourceRow = Selectable<SourcesTable>;
/** An `articles` row as read. */
export type ArticleRow = Selectable<ArticlesTable>;
/** An `articles` row as written. */
export type NewArticleRow = Insertable<ArticlesTable>;
