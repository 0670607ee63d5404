import { type ColumnDefinitionBuilder, type Kysely, type RawBuilder, sql } from "kysely";

const HEALTH_COUNTERS = ["items_seen", "fetch_count", "not_modified_count"];

/**
 * Lets a source go without an interval (cron or adaptive schedules) and adds its user agent,
 * tags, the reason for its next check, and fetch health counters.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite cannot drop NOT NULL in place: rebuild the column (add, copy, drop, rename).
  await replaceIntervalColumn(db, (c) => c, sql`interval_seconds`);
  await db.schema
    .alterTable("sources")
    .addColumn("next_check_reason", "text", (c) => c.notNull().defaultTo("interval"))
    .execute();
  await db.schema.alterTable("sources").addColumn("user_agent", "text").execute();
  await db.schema
    .alterTable("sources")
    .addColumn("tags", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema.alterTable("sources").addColumn("last_http_status", "integer").execute();
  for (const column of HEALTH_COUNTERS) {
    await db.schema
      .alterTable("sources")
      .addColumn(column, "integer", (c) => c.notNull().defaultTo(0))
      .execute();
  }
}

/** Drops the added columns; sources without an interval get 900 seconds back. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const added = ["next_check_reason", "user_agent", "tags", "last_http_status", ...HEALTH_COUNTERS];
  for (const column of added) {
    await db.schema.alterTable("sources").dropColumn(column).execute();
  }
  await replaceIntervalColumn(
    db,
    (c) => c.notNull().defaultTo(900),
    sql`coalesce(interval_seconds, 900)`,
  );
}

async function replaceIntervalColumn(
  db: Kysely<unknown>,
  build: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder,
  value: RawBuilder<unknown>,
): Promise<void> {
  await db.schema.alterTable("sources").addColumn("interval_next", "integer", build).execute();
  await sql`update sources set interval_next = ${value}`.execute(db);
  await db.schema.alterTable("sources").dropColumn("interval_seconds").execute();
  await db.schema.alterTable("sources").renameColumn("interval_next", "interval_seconds").execute();
}
