import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { Cache } from "../cache/cache";

/**
 * Apollo's automatic persisted queries kept in the gateway's cache: Redis when configured (so
 * every instance knows a hash one of them learned), else the in-process LRU; bounded by its size
 * or by Redis's memory policy, and each entry expires after `ttlSeconds` unless used again.
 */
export function createPersistedQueryCache(deps: {
  cache: Cache;
  keyOf: (hash: string) => string;
  ttlSeconds: number;
}): KeyValueCache<string> {
  return {
    async get(key) {
      const [value] = await deps.cache.getMany([deps.keyOf(key)]);
      return value ?? undefined;
    },
    async set(key, value, options) {
      const ttlSeconds = options?.ttl ?? deps.ttlSeconds;
      await deps.cache.setMany([{ key: deps.keyOf(key), value, ttlSeconds }]);
    },
    async delete(key) {
      await deps.cache.delete([deps.keyOf(key)]);
    },
  };
}
