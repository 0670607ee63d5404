import { type Kysely, sql } from "kysely";
import { titleFingerprint } from "../../domain/title-fingerprint";

const BACKFILL_BATCH = 500;

/**
 * Adds where an article's content and its headline fields came from (`feed`, `listing`,
 * `story`), so routes merge by trust, and fills and indexes `fingerprint` (the headline's),
 * which finds one story reached under different URLs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ["content_route", "meta_route"]) {
    await db.schema
      .alterTable("articles")
      .addColumn(column, "text", (c) => c.notNull().defaultTo("feed"))
      .execute();
  }
  await db.schema
    .createIndex("articles_fingerprint_idx")
    .on("articles")
    .column("fingerprint")
    .execute();
  await backfillFingerprints(db);
}

/** Drops the route columns and the fingerprint index (fingerprints stay). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("articles_fingerprint_idx").execute();
  for (const column of ["content_route", "meta_route"]) {
    await db.schema.alterTable("articles").dropColumn(column).execute();
  }
}

async function backfillFingerprints(db: Kysely<unknown>): Promise<void> {
  for (let after = ""; ;) {
    const { rows } = await sql<{ id: string; title: string }>`
      select id, title from articles where id > ${after} order by id limit ${BACKFILL_BATCH}
    `.execute(db);
    if (rows.length === 0) return;
    for (const row of rows) {
      const fingerprint = titleFingerprint(row.title);
      await sql`update articles set fingerprint = ${fingerprint} where id = ${row.id}`.execute(db);
    }
    after = rows[rows.length - 1].id;
  }
}
