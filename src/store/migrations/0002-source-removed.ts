import type { Kysely } from "kysely";

/**
 * Adds `sources.removed_at`: a removed source stays as a row (its articles reference it, and
 * deleting it would cascade to them) but is no longer listed or fetched.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("sources").addColumn("removed_at", "bigint").execute();
}

/** Drops `sources.removed_at`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("sources").dropColumn("removed_at").execute();
}
