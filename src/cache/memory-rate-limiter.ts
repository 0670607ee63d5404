import { LRUCache } from "lru-cache";
import { type BucketState, chargeBucket } from "../domain/token-bucket";
import type { RateLimiter } from "./rate-limiter";

// Buckets remembered; beyond this the least recently charged are forgotten (they refill anyway).
const MAX_CLIENTS = 100_000;

/** Returns token buckets kept in this process, in an LRU (the fallback when Redis is away). */
export function createMemoryRateLimiter(opts: { maxClients?: number } = {}): RateLimiter {
  const buckets = new LRUCache<string, BucketState>({ max: opts.maxClients ?? MAX_CLIENTS });
  return {
    charge(client, cost, rate, now) {
      const { state, charge } = chargeBucket(buckets.get(client), cost, now, rate);
      buckets.set(client, state);
      return Promise.resolve(charge);
    },
    close: () => Promise.resolve(),
  };
}
