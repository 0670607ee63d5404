import { setTimeout as delay } from "node:timers/promises";
import type { Cache } from "./cache";
import { createSingleFlight } from "./single-flight";
import type { ValueCache } from "./value-cache";

/** Reads a key's value, or makes it once when nobody has: see {@link createSharedFill}. */
export type SharedFill<V> = (key: string, make: () => Promise<V>, ttlSeconds: number) => Promise<V>;

/** How long a filler holds its claim, and how long others wait for its value. */
export interface FillTiming {
  /** A claim lapses after this (a filler that died frees the key): 5000 ms by default. */
  claimMs?: number;
  /** A waiter gives up and makes the value itself after this: 1500 ms by default. */
  waitMs?: number;
  /** First pause between looks while waiting (doubling up to 100 ms): 10 ms by default. */
  firstPollMs?: number;
}

const MAX_POLL_MS = 100;

/**
 * Returns a read-through fill that keeps a cold key from a stampede. In this process, callers
 * of one key share one flight; across instances sharing `claims` (Redis), the first to claim
 * `key` makes the value and keeps it, and the others look for it (bounded) instead of making it
 * too. When no claim can be made (the cache is down), or the filler takes too long, a caller
 * makes the value itself: the store is spared a stampede, never made to wait on the cache.
 */
export function createSharedFill<V>(
  cached: ValueCache<V>,
  claims: Pick<Cache, "claim" | "release">,
  timing: FillTiming = {},
): SharedFill<V> {
  const claimMs = timing.claimMs ?? 5000;
  const waitMs = timing.waitMs ?? 1500;
  const firstPollMs = timing.firstPollMs ?? 10;
  const flight = createSingleFlight<V>();
  const look = async (key: string) => (await cached.get([key]))[0];

  async function waitFor(key: string): Promise<V | null> {
    const deadline = Date.now() + waitMs;
    for (let pause = firstPollMs; Date.now() < deadline; pause = Math.min(pause * 2, MAX_POLL_MS)) {
      await delay(Math.min(pause, Math.max(1, deadline - Date.now())));
      const found = await look(key);
      if (found !== null) return found;
    }
    return null;
  }

  return (key, make, ttlSeconds) =>
    flight(key, async () => {
      const kept = await look(key);
      if (kept !== null) return kept;
      const claimKey = `${key}:fill`;
      const token = await claims.claim(claimKey, claimMs);
      if (token === false) {
        const made = await waitFor(key);
        if (made !== null) return made;
      }
      try {
        // A filler may have kept the value and let go of its claim since the look above.
        const madeMeanwhile = token ? await look(key) : null;
        if (madeMeanwhile !== null) return madeMeanwhile;
        const value = await make();
        await cached.set([{ key, value, ttlSeconds }]);
        return value;
      } finally {
        if (token) await claims.release(claimKey, token);
      }
    });
}
