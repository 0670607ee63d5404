import type { Kysely } from "kysely";

/** Adds `sources.full_text`: whether teaser-only items get their story page fetched (0 or 1). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("sources")
    .addColumn("full_text", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

/** Drops `sources.full_text`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("sources").dropColumn("full_text").execute();
}
