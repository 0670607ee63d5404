import type { Kysely } from "kysely";

/**
 * Adds how a source's pages are read: `full_text` (1: teaser-only items get their story page
 * fetched) and `page_selectors` (JSON of CSS selectors that pick an html source's headlines).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("sources")
    .addColumn("full_text", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("sources").addColumn("page_selectors", "text").execute();
}

/** Drops both columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("sources").dropColumn("page_selectors").execute();
  await db.schema.alterTable("sources").dropColumn("full_text").execute();
}
