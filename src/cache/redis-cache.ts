import { randomUUID } from "node:crypto";
import type { Cache, CacheState } from "./cache";
import { createCacheKeys } from "./cache-keys";
import type { Redis } from "ioredis";
import {
  type CacheLogger,
  openGuardedRedis,
  silentLogger,
  type BreakerSetting,
} from "./redis-connection";

export type { CacheLogger } from "./redis-connection";

/** Options for {@link createRedisCache}. */
export interface RedisCacheOptions {
  url: string;
  /** The key prefix every cached value has (`ng:c:` by default); `clear()` drops its keys. */
  namespace?: string;
  /** A command slower than this fails (and counts against the breaker); 250 ms by default. */
  commandTimeoutMs?: number;
  logger?: CacheLogger;
  /** Consecutive failures that open the breaker (5) and how long it stays open (2000 ms). */
  breaker?: BreakerSetting;
  /** Longest wait between reconnect attempts; 2000 ms by default. */
  maxReconnectDelayMs?: number;
}

/**
 * Returns a Redis cache that fails fast: no offline queue, a short command timeout and a circuit
 * breaker. It resolves even when Redis is down (it keeps reconnecting in the background), and
 * every method degrades to a miss or a no-op instead of throwing.
 */
export async function createRedisCache(opts: RedisCacheOptions): Promise<Cache> {
  const namespace = opts.namespace ?? createCacheKeys().namespace;
  const redis = openGuardedRedis({
    url: opts.url,
    part: "cache",
    logger: opts.logger ?? silentLogger,
    commandTimeoutMs: opts.commandTimeoutMs ?? 250,
    maxReconnectDelayMs: opts.maxReconnectDelayMs ?? 2000,
    breaker: opts.breaker,
  });
  await redis.connect();
  const { client, guarded } = redis;

  /** One MGET through the breaker; every key a miss when it fails. */
  const readMany = <V>(keys: readonly string[], read: () => Promise<(V | null)[]>) =>
    keys.length === 0
      ? Promise.resolve([])
      : guarded<(V | null)[]>(
          keys.map(() => null),
          read,
        );

  return {
    kind: "redis",
    getMany: (keys) => readMany(keys, () => client.mget(...keys)),
    getManyBuffers: (keys) => readMany(keys, () => client.mgetBuffer(...keys)),
    setMany: (entries) => {
      const live = entries.filter((e) => e.ttlSeconds > 0);
      if (live.length === 0) return Promise.resolve();
      return guarded(undefined, async () => {
        // A pipeline, not MULTI: one round trip, and no same-slot rule under Redis Cluster.
        const pipeline = client.pipeline();
        for (const e of live) {
          pipeline.set(e.key, e.value, "PX", Math.max(1, Math.round(e.ttlSeconds * 1000)));
        }
        const failed = (await pipeline.exec())?.find(([error]) => error !== null);
        if (failed) throw failed[0];
      });
    },
    delete: (keys) =>
      keys.length === 0
        ? Promise.resolve()
        : guarded(undefined, async () => {
            await client.del(...keys);
          }),
    increment: (key) => guarded<number | null>(null, () => client.incr(key)),
    claim: (key, ms) =>
      guarded<string | false | null>(null, async () => {
        const token = randomUUID();
        const set = await client.set(key, token, "PX", Math.max(1, Math.round(ms)), "NX");
        return set === "OK" ? token : false;
      }),
    release: (key, token) =>
      guarded(undefined, async () => {
        await client.eval(RELEASE_SCRIPT, 1, key, token);
      }),
    clear: () => guarded(undefined, () => unlinkMatching(client, `${namespace}*`)),
    state: (): CacheState => (redis.isUp() ? "up" : "down"),
    close: () => redis.close(),
  };
}

// Deletes a claim only while it holds the releasing caller's token.
const RELEASE_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`;

/** Unlinks every key matching a pattern, a SCAN page at a time (never KEYS on a live server). */
async function unlinkMatching(client: Redis, pattern: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    if (keys.length > 0) await client.unlink(...keys);
    cursor = next;
  } while (cursor !== "0");
}
