import { type Kysely, sql } from "kysely";
import { isSqlite } from "./0006-article-search";

/**
 * SQLite: makes the FTS5 index's `rank` the weighted BM25 the search orders by (title 10,
 * summary 4, story 1), so `ORDER BY rank LIMIT n` takes FTS5's own top-n path instead of
 * computing and sorting an expression. PostgreSQL has nothing to change: its search reads the
 * newest matches through the (published_at, id) index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    await sql`insert into articles_fts (articles_fts, rank) values ('rank', 'bm25(10.0, 4.0, 1.0)')`.execute(
      db,
    );
  }
}

/** Back to FTS5's plain BM25 rank. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    await sql`insert into articles_fts (articles_fts, rank) values ('rank', 'bm25()')`.execute(db);
  }
}
