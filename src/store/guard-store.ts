import { setTimeout as sleep } from "node:timers/promises";
import { classifyStoreError } from "./classify-store-error";
import type { Store } from "./store";
import { StoreUnavailableError } from "./store-unavailable-error";

/** Options of {@link guardStore}. */
export interface GuardOptions {
  /**
   * How long a call keeps retrying while SQLite reports the database busy (another process
   * holds the write lock); 0 tries once. Waits are timers, never a blocked event loop.
   */
  busyDeadlineMs: number;
  /** Returns a number in [0, 1) for retry jitter; `Math.random` by default. */
  random?: () => number;
}

// Retries start fast (a lock held for a few ms) and settle at a few polls a second.
const FIRST_WAIT_MS = 2;
const MAX_WAIT_MS = 200;

/**
 * The store with every call guarded: a database fault (busy, timeouts, pool exhausted,
 * read-only, disk full) becomes a {@link StoreUnavailableError} naming the operation; a busy
 * database is retried with backoff until `busyDeadlineMs`. Each store call is one statement
 * or one transaction, so a retry re-runs it whole.
 */
export function guardStore(store: Store, opts: GuardOptions): Store {
  const guarded: Record<string, unknown> = { ...store };
  for (const [name, member] of Object.entries(store)) {
    if (typeof member !== "function" || name === "close") continue;
    const call = member as (...args: unknown[]) => Promise<unknown>;
    guarded[name] = (...args: unknown[]) => runGuarded(name, () => call(...args), opts);
  }
  return guarded as unknown as Store;
}

async function runGuarded<T>(
  operation: string,
  work: () => Promise<T>,
  opts: GuardOptions,
): Promise<T> {
  const giveUpAt = Date.now() + opts.busyDeadlineMs;
  const random = opts.random ?? Math.random;
  for (let attempt = 1, wait = FIRST_WAIT_MS; ; attempt++, wait = Math.min(wait * 2, MAX_WAIT_MS)) {
    try {
      return await work();
    } catch (error) {
      const fault = classifyStoreError(error);
      if (fault === null) throw error;
      const left = giveUpAt - Date.now();
      if (fault !== "busy" || left <= 0) {
        throw new StoreUnavailableError(fault, operation, attempt, error);
      }
      await sleep(Math.min(wait * (0.5 + random()), left));
    }
  }
}
