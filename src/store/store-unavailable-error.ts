import { firstLine } from "./first-line";

/**
 * Why the store could not do what was asked, when the request itself was fine: `busy` (another
 * process held the SQLite write lock past the write deadline), `lock-timeout` and
 * `statement-timeout` (PostgreSQL), `pool-exhausted` (no connection free in time),
 * `read-only` and `disk-full`.
 */
export type StoreFault =
  "busy" | "lock-timeout" | "statement-timeout" | "pool-exhausted" | "read-only" | "disk-full";

/**
 * A store call that failed for the database's state, not for its input: nothing it attempted
 * was kept (its transaction rolled back whole), and the same call may succeed later.
 */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";

  constructor(
    readonly fault: StoreFault,
    /** The store operation attempted (`upsertArticles`, `recordFetch`, ...). */
    readonly operation: string,
    /** How many times it was tried before giving up. */
    readonly attempts: number,
    cause: unknown,
  ) {
    super(
      `store: ${operation} failed (${fault}) after ${attempts} attempt(s): ${firstLine(cause)}`,
      {
        cause,
      },
    );
  }
}
