import type { Database as BetterSqliteDatabase, Statement } from "better-sqlite3";
import type { SqliteDatabase } from "kysely";
import { LRUCache } from "lru-cache";

// Enough for every distinct statement the store runs; batches of one size share one text.
const MAX_STATEMENTS = 256;

/**
 * The database as Kysely's SQLite dialect sees it, preparing each SQL text once: Kysely asks
 * for a new statement on every query, and compiling it again costs SQLite more than running it
 * for the short statements an ingest repeats thousands of times. One connection runs one query
 * at a time, so a cached statement is never in use twice.
 */
export function withStatementCache(database: BetterSqliteDatabase): SqliteDatabase {
  const statements = new LRUCache<string, Statement>({ max: MAX_STATEMENTS });
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare: (sql) => {
      const cached = statements.get(sql);
      if (cached !== undefined) return cached;
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      return statement;
    },
  };
}
