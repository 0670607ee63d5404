import { Redis } from "ioredis";
import type { Cache, CacheState } from "./cache";
import { createCacheKeys } from "./cache-keys";
import { createCircuitBreaker, type CircuitBreaker } from "./circuit-breaker";

/** The slice of a logger the Redis cache needs (pino's shape). */
export interface CacheLogger {
  warn(obj: object, msg: string): void;
}

/** Options for {@link createRedisCache}. */
export interface RedisCacheOptions {
  url: string;
  /** The key prefix every cached value has (`ng:c:` by default); `clear()` drops its keys. */
  namespace?: string;
  /** A command slower than this fails (and counts against the breaker); 250 ms by default. */
  commandTimeoutMs?: number;
  logger?: CacheLogger;
  /** Consecutive failures that open the breaker (5) and how long it stays open (2000 ms). */
  breaker?: { failureThreshold?: number; coolDownMs?: number };
  /** Longest wait between reconnect attempts; 2000 ms by default. */
  maxReconnectDelayMs?: number;
}

const CLOSE_GRACE_MS = 250;
const silentLogger: CacheLogger = { warn: () => undefined };

/**
 * Returns a Redis cache that fails fast: no offline queue, a short command timeout and a circuit
 * breaker. It resolves even when Redis is down (it keeps reconnecting in the background), and
 * every method degrades to a miss or a no-op instead of throwing.
 */
export async function createRedisCache(opts: RedisCacheOptions): Promise<Cache> {
  const logger = opts.logger ?? silentLogger;
  const commandTimeout = opts.commandTimeoutMs ?? 250;
  const maxDelay = opts.maxReconnectDelayMs ?? 2000;
  const namespace = opts.namespace ?? createCacheKeys().namespace;
  const client = new Redis(opts.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout,
    connectTimeout: Math.max(1000, commandTimeout * 4),
    // ioredis arms this timer even for a socket that is already gone; short, so close() leaves
    // nothing behind that keeps a process alive.
    disconnectTimeout: CLOSE_GRACE_MS,
    retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 10), maxDelay),
  });
  const breaker = createCircuitBreaker({
    failureThreshold: opts.breaker?.failureThreshold ?? 5,
    coolDownMs: opts.breaker?.coolDownMs ?? 2000,
    // Only opening and closing are worth a line; half-open flaps every cool-down during an outage.
    onStateChange: (from, to) => {
      if (to === "open" && from === "closed")
        logger.warn({ cache: "redis" }, "cache: breaker open");
      if (to === "closed") logger.warn({ cache: "redis" }, "cache: breaker closed");
    },
  });
  const unwatch = watchConnection(client, breaker, logger);

  // The first attempt is awaited so a healthy Redis is ready at once; a failing one is not fatal.
  await client.connect().catch(() => undefined);

  let closed = false;
  /** Runs a command through the breaker; any failure becomes the fallback value. */
  const guarded = async <T>(fallback: T, run: () => Promise<T>): Promise<T> => {
    if (closed || !breaker.allow()) return fallback;
    try {
      const result = await run();
      breaker.succeed();
      return result;
    } catch (error) {
      // A reply error (say INCR on text) means Redis answered: healthy, but no value.
      if (isReplyError(error)) breaker.succeed();
      else breaker.fail();
      return fallback;
    }
  };

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
    clear: () => guarded(undefined, () => unlinkMatching(client, `${namespace}*`)),
    state: (): CacheState =>
      !closed && client.status === "ready" && breaker.state() === "closed" ? "up" : "down",
    close: () => {
      closed = true;
      unwatch();
      return closeClient(client);
    },
  };
}

/**
 * Logs connection loss and recovery once each and closes the breaker on a fresh connection;
 * returns a function that silences it before a deliberate close.
 */
function watchConnection(client: Redis, breaker: CircuitBreaker, logger: CacheLogger): () => void {
  let link: "new" | "up" | "down" | "closing" = "new";
  // Without a listener ioredis prints every reconnect failure; transitions are logged below.
  client.on("error", () => undefined);
  client.on("ready", () => {
    if (link === "closing") return;
    if (link === "down") logger.warn({ cache: "redis" }, "cache: redis connection restored");
    link = "up";
    breaker.reset();
  });
  client.on("close", () => {
    if (link === "closing") return;
    if (link === "up") logger.warn({ cache: "redis" }, "cache: redis connection lost");
    if (link === "new") logger.warn({ cache: "redis" }, "cache: redis unavailable, retrying");
    link = "down";
  });
  return () => {
    link = "closing";
  };
}

/** Unlinks every key matching a pattern, a SCAN page at a time (never KEYS on a live server). */
async function unlinkMatching(client: Redis, pattern: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    if (keys.length > 0) await client.unlink(...keys);
    cursor = next;
  } while (cursor !== "0");
}

function isReplyError(error: unknown): boolean {
  return error instanceof Error && error.name === "ReplyError";
}

/** Quits politely when connected, else disconnects; never waits longer than a short grace. */
async function closeClient(client: Redis): Promise<void> {
  if (client.status === "end") return;
  if (client.status !== "ready") {
    client.disconnect();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CLOSE_GRACE_MS);
  });
  await Promise.race([client.quit().catch(() => undefined), grace]);
  clearTimeout(timer);
  client.disconnect();
}
