import type { Kysely } from "kysely";

/** Creates sources, articles, tags, article_tags and article_stats with their indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createSources(db);
  await createArticles(db);
  await createTags(db);
  await createArticleStats(db);
}

/** Drops every table the initial migration created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["article_stats", "article_tags", "tags", "articles", "sources"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

async function createSources(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sources")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("interval_seconds", "integer", (c) => c.notNull())
    .addColumn("schedule", "text")
    .addColumn("site_url", "text")
    .addColumn("language", "text")
    .addColumn("etag", "text")
    .addColumn("last_modified", "text")
    .addColumn("next_check_at", "bigint", (c) => c.notNull())
    .addColumn("lease_until", "bigint")
    .addColumn("lease_owner", "text")
    .addColumn("last_fetched_at", "bigint")
    .addColumn("last_success_at", "bigint")
    .addColumn("last_status", "text")
    .addColumn("last_error", "text")
    .addColumn("consecutive_failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("sources_next_check_at_idx")
    .on("sources")
    .column("next_check_at")
    .execute();
}

async function createArticles(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("articles")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("source_id", "text", (c) => c.notNull().references("sources.id").onDelete("cascade"))
    .addColumn("guid", "text")
    .addColumn("guid_hash", "text")
    .addColumn("url", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text")
    .addColumn("content_html", "text")
    .addColumn("content_text", "text")
    .addColumn("author", "text")
    .addColumn("published_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint")
    .addColumn("ingested_at", "bigint", (c) => c.notNull())
    .addColumn("language", "text")
    .addColumn("image_url", "text")
    .addColumn("word_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("enclosures", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("fingerprint", "text")
    .addColumn("cluster_id", "text")
    .addUniqueConstraint("articles_source_guid_hash_key", ["source_id", "guid_hash"])
    .execute();
  await db.schema
    .createIndex("articles_published_at_id_idx")
    .on("articles")
    .columns(["published_at desc", "id desc"])
    .execute();
  await db.schema
    .createIndex("articles_source_id_published_at_idx")
    .on("articles")
    .columns(["source_id", "published_at"])
    .execute();
}

async function createTags(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("tags")
    .addColumn("slug", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("article_tags")
    .addColumn("article_id", "text", (c) =>
      c.notNull().references("articles.id").onDelete("cascade"),
    )
    .addColumn("slug", "text", (c) => c.notNull().references("tags.slug"))
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("article_tags_pkey", ["article_id", "slug"])
    .execute();
  await db.schema.createIndex("article_tags_slug_idx").on("article_tags").column("slug").execute();
}

async function createArticleStats(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("article_stats")
    .addColumn("article_id", "text", (c) =>
      c.primaryKey().references("articles.id").onDelete("cascade"),
    )
    .addColumn("views", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("source_rank", "integer")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
}
