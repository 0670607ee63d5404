import { existsSync } from "node:fs";
import { join } from "node:path";
import { Kysely, type LogEvent } from "kysely";
import type { Database } from "./database";
import { type OpenDatabase, parseSqlitePath, type QueryListener } from "./open-database";
import { createReaderDialect } from "./reader-dialect";
import { createSqliteReaders } from "./sqlite-readers";

/** Where the API's reads run: SQLite reader threads, or the store's own connection. */
export interface ReadThreadsOptions {
  /** Reader threads on SQLite (0: reads run on the calling thread). */
  threads: number;
  /** The compiled reader-worker module; next to this one in dist/ by default. */
  workerFile?: string;
  /** A read still running after this long fails (and its thread is replaced); 10 s. */
  deadlineMs?: number;
}

const DEFAULT_DEADLINE_MS = 10_000;
const READER_BUSY_TIMEOUT_MS = 5000;

/**
 * The Kysely instance for reads: on a SQLite file with threads, one whose statements run on
 * reader threads with connections of their own (WAL lets them read while the store writes);
 * otherwise the store's own. Open it after migrating: readers see the schema as it is then.
 */
export function openReadDatabase(
  databaseUrl: string,
  main: OpenDatabase,
  opts: ReadThreadsOptions & { onQuery?: QueryListener },
): Kysely<Database> {
  if (main.dialect !== "sqlite" || opts.threads <= 0) return main.db;
  const path = parseSqlitePath(databaseUrl);
  if (path === ":memory:") return main.db;
  const workerFile = opts.workerFile ?? join(__dirname, "sqlite-reader-worker.js");
  if (!existsSync(workerFile)) {
    throw new Error(
      `SQLITE_READ_THREADS: the compiled reader worker is missing at ${workerFile} ` +
        "(run npm run build, or set SQLITE_READ_THREADS=0 to read on the main thread)",
    );
  }
  const readers = createSqliteReaders({
    path,
    workerFile,
    threads: opts.threads,
    deadlineMs: opts.deadlineMs ?? DEFAULT_DEADLINE_MS,
    busyTimeoutMs: READER_BUSY_TIMEOUT_MS,
  });
  const onQuery = opts.onQuery;
  return new Kysely<Database>({
    dialect: createReaderDialect(readers),
    log: onQuery && ((event: LogEvent) => onQuery(event.queryDurationMillis)),
  });
}
