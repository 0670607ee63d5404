import { type Kysely, SqliteAdapter, sql } from "kysely";

/**
 * Adds full-text search over title, summary and story text. SQLite: an FTS5 index with the
 * articles as its external content, kept in step by triggers. PostgreSQL: a generated tsvector
 * (title weighted A, summary B, story C) with a GIN index. Both use no stemming, so a search
 * finds the words as written in any language.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) return upSqlite(db);
  await sql`
    alter table articles add column search_vector tsvector generated always as (
      setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
      setweight(to_tsvector('simple', coalesce(summary, '')), 'B') ||
      setweight(to_tsvector('simple', coalesce(content_text, '')), 'C')
    ) stored`.execute(db);
  await sql`create index articles_search_idx on articles using gin (search_vector)`.execute(db);
}

/** Drops the index (and the triggers or the column). */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    for (const trigger of ["articles_fts_ai", "articles_fts_ad", "articles_fts_au"]) {
      await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db);
    }
    await sql`drop table if exists articles_fts`.execute(db);
    return;
  }
  await sql`drop index if exists articles_search_idx`.execute(db);
  await sql`alter table articles drop column if exists search_vector`.execute(db);
}

/** Returns true when the migration runs on SQLite. */
export function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  await sql`
    create virtual table articles_fts using fts5(
      title, summary, content_text,
      content = 'articles', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  const columns = sql.raw("rowid, title, summary, content_text");
  const values = (row: string) =>
    sql.raw(`${row}.rowid, ${row}.title, ${row}.summary, ${row}.content_text`);
  await sql`create trigger articles_fts_ai after insert on articles begin
    insert into articles_fts (${columns}) values (${values("new")}); end`.execute(db);
  await sql`create trigger articles_fts_ad after delete on articles begin
    insert into articles_fts (articles_fts, ${columns}) values ('delete', ${values("old")}); end`.execute(
    db,
  );
  await sql`create trigger articles_fts_au after update of title, summary, content_text on articles begin
    insert into articles_fts (articles_fts, ${columns}) values ('delete', ${values("old")});
    insert into articles_fts (${columns}) values (${values("new")}); end`.execute(db);
  await sql`insert into articles_fts (articles_fts) values ('rebuild')`.execute(db);
}
