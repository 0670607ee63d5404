import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import type { SqliteReaders } from "./sqlite-readers";

/**
 * A Kysely dialect whose queries run on SQLite reader threads: reads only, no transactions
 * (each statement reads the latest committed state). Many queries run at once, one per thread.
 */
export function createReaderDialect(readers: SqliteReaders): Dialect {
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      return { rows: (await readers.run(query.sql, query.parameters)) as R[] };
    },
    // eslint-disable-next-line require-yield
    async *streamQuery() {
      throw new Error("store: reader threads do not stream");
    },
  };
  const readOnly = async () => {
    throw new Error("store: the read connection runs no transactions");
  };
  const driver: Driver = {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: readOnly,
    commitTransaction: readOnly,
    rollbackTransaction: readOnly,
    releaseConnection: async () => undefined,
    destroy: () => readers.close(),
  };
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => driver,
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db) => new SqliteIntrospector(db),
  };
}
