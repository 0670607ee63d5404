import { Piscina } from "piscina";
import type { ReaderData, ReadTask } from "./sqlite-reader-worker";

/** Runs read statements on threads of their own, each with its own read-only connection. */
export interface SqliteReaders {
  run(sql: string, parameters: readonly unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

/** Options of {@link createSqliteReaders}. */
export interface SqliteReadersOptions {
  /** The database file (WAL mode: readers never wait for the writer). */
  path: string;
  /** The compiled reader-worker module (threads do not read TypeScript). */
  workerFile: string;
  threads: number;
  /** A read still running after this long is stopped (its thread with it) and fails. */
  deadlineMs: number;
  busyTimeoutMs: number;
}

/** Error of a read stopped at its deadline. */
export class ReadDeadlineError extends Error {
  override name = "ReadDeadlineError";
}

/**
 * A pool of reader threads: the thread that answers requests never waits for SQLite (a search
 * over many matches, a count over a large table), and a read past its deadline costs its thread
 * only (piscina stops it and starts another).
 */
export function createSqliteReaders(opts: SqliteReadersOptions): SqliteReaders {
  const workerData: ReaderData = { path: opts.path, busyTimeoutMs: opts.busyTimeoutMs };
  const pool = new Piscina<ReadTask, unknown[]>({
    filename: opts.workerFile,
    name: "readTask",
    minThreads: opts.threads,
    maxThreads: opts.threads,
    idleTimeout: Infinity,
    workerData,
  });
  return {
    async run(sql, parameters) {
      const signal = AbortSignal.timeout(opts.deadlineMs);
      try {
        return await pool.run({ sql, parameters }, { signal });
      } catch (error) {
        if (signal.aborted) {
          throw new ReadDeadlineError(`store: a read took longer than ${opts.deadlineMs} ms`);
        }
        throw error;
      }
    },
    close: () => pool.close({ force: true }),
  };
}
