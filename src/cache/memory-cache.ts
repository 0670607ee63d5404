import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Cache } from "./cache";

/** Options for {@link createMemoryCache}. */
export interface MemoryCacheOptions {
  maxEntries: number;
  /** Clock in milliseconds for TTLs; injectable for tests. */
  now?: () => number;
}

const INTEGER = /^-?\d+$/;

/** Returns an in-process LRU cache with per-entry TTLs (the embedded default). */
export function createMemoryCache(opts: MemoryCacheOptions): Cache {
  const lru = new LRUCache<string, string | Buffer>({
    max: opts.maxEntries,
    ...(opts.now ? { perf: { now: opts.now }, ttlResolution: 0 } : {}),
  });

  return {
    kind: "memory",
    async getMany(keys) {
      return keys.map((key) => {
        const value = lru.get(key);
        return value === undefined ? null : value.toString();
      });
    },
    async getManyBuffers(keys) {
      return keys.map((key) => {
        const value = lru.get(key);
        return value === undefined ? null : Buffer.isBuffer(value) ? value : Buffer.from(value);
      });
    },
    async setMany(entries) {
      for (const { key, value, ttlSeconds } of entries) {
        // lru-cache reads ttl 0 as "forever"; a non-positive TTL stores nothing, as in Redis.
        if (ttlSeconds > 0) lru.set(key, value, { ttl: ttlSeconds * 1000 });
      }
    },
    async delete(keys) {
      for (const key of keys) lru.delete(key);
    },
    async increment(key) {
      const current = lru.get(key)?.toString() ?? "0";
      // Same contract as Redis INCR: non-integers are an error (a miss here), TTL is kept.
      if (!INTEGER.test(current)) return null;
      const next = Number(current) + 1;
      lru.set(key, String(next), { noUpdateTTL: true });
      return next;
    },
    async claim(key, ms) {
      if (lru.has(key)) return false;
      const token = randomUUID();
      lru.set(key, token, { ttl: ms });
      return token;
    },
    async release(key, token) {
      if (lru.get(key) === token) lru.delete(key);
    },
    async clear() {
      lru.clear();
    },
    state: () => "memory",
    async close() {
      lru.clear();
    },
  };
}
