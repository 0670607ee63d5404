import { type Kysely, type Transaction, sql } from "kysely";
import type { Database } from "./database";
import type { StoreDialect } from "./open-database";

/** Runs `work` in one write transaction: `BEGIN IMMEDIATE` on SQLite, a plain one on PostgreSQL. */
export async function runWriteTransaction<T>(
  db: Kysely<Database>,
  dialect: StoreDialect,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (dialect === "postgres") {
    return db.transaction().execute((trx: Transaction<Database>) => work(trx));
  }
  // Take the write lock up front so another process cannot turn our read snapshot stale.
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      // SQLite may already have rolled back (e.g. SQLITE_FULL); the original error matters.
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}
