import { Redis } from "ioredis";
import { BUCKET_TTL_SECONDS, hourBucket, windowBuckets } from "../domain/popularity";
import { VIEW_LIMITS, type ViewCounter } from "./view-counter";

/** Where the counter keeps its keys, under the gateway's prefix. */
export interface ViewCounterKeys {
  bucket(hour: string): string;
  pending(): string;
  seen(client: string, articleId: string): string;
  perMinute(client: string): string;
}

/** Returns the counter's keys under `prefix` (buckets and pending share one cluster slot). */
export function viewCounterKeys(prefix: string): ViewCounterKeys {
  const pop = `${prefix}{pop}:`;
  return {
    bucket: (hour) => `${pop}h:${hour}`,
    pending: () => `${pop}pending`,
    seen: (client, articleId) => `${prefix}view:${client}:${articleId}`,
    perMinute: (client) => `${prefix}views-per-minute:${client}`,
  };
}

// Counting is one atomic script: the limits checked and the view counted in one step, so
// thousands of concurrent views from many connections add up exactly.
const RECORD = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) == false then return 0 end
local used = redis.call('INCR', KEYS[2])
if used == 1 then redis.call('EXPIRE', KEYS[2], 60) end
if used > tonumber(ARGV[2]) then return 0 end
redis.call('ZINCRBY', KEYS[3], 1, ARGV[3])
redis.call('EXPIRE', KEYS[3], ARGV[4])
redis.call('HINCRBY', KEYS[4], ARGV[3], 1)
return 1`;

// Takes the pending tally atomically: views counted meanwhile start a new one.
const TAKE = `
local all = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[1])
return all`;

/** A view counter in Redis, with its own connection (failing fast like the cache). */
export function createRedisViewCounter(opts: { url: string; prefix: string }): ViewCounter {
  const client = new Redis(opts.url, {
    enableOfflineQueue: true,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 10), 2000),
  });
  client.on("error", () => undefined);
  const keys = viewCounterKeys(opts.prefix);
  const safely = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch {
      return fallback;
    }
  };
  const weighted = async (
    ids: readonly string[],
    window: Parameters<ViewCounter["top"]>[0],
    now: number,
  ) => {
    const views = new Map<string, number>();
    const parts = windowBuckets(window, now);
    const pipeline = client.pipeline();
    for (const { bucket } of parts) pipeline.zmscore(keys.bucket(bucket), ...ids);
    const replies = (await pipeline.exec()) ?? [];
    replies.forEach(([error, scores], b) => {
      if (error) throw error;
      (scores as (string | null)[]).forEach((score, i) => {
        if (score !== null)
          views.set(ids[i], (views.get(ids[i]) ?? 0) + Number(score) * parts[b].weight);
      });
    });
    return views;
  };
  return {
    record: (articleId, who, now) =>
      safely(async () => {
        const counted = await client.eval(
          RECORD,
          4,
          keys.seen(who, articleId),
          keys.perMinute(who),
          keys.bucket(hourBucket(now)),
          keys.pending(),
          VIEW_LIMITS.perArticleSeconds,
          VIEW_LIMITS.perMinute,
          articleId,
          BUCKET_TTL_SECONDS,
        );
        return counted === 1;
      }, false),
    viewsInWindow: (ids, window, now) =>
      ids.length === 0
        ? Promise.resolve(new Map())
        : safely(() => weighted(ids, window, now), new Map()),
    top: (window, now, limit) =>
      safely(async () => {
        const parts = windowBuckets(window, now);
        const union = `${keys.pending()}:top:${window}:${now}`;
        const [, [, ranked]] = (await client
          .multi()
          .zunionstore(
            union,
            parts.length,
            ...parts.map((p) => keys.bucket(p.bucket)),
            "WEIGHTS",
            ...parts.map((p) => p.weight),
          )
          .zrevrange(union, 0, limit - 1, "WITHSCORES")
          .del(union)
          .exec()) as [unknown, [unknown, string[]], unknown];
        const top: { id: string; views: number }[] = [];
        for (let i = 0; i < ranked.length; i += 2)
          top.push({ id: ranked[i], views: Number(ranked[i + 1]) });
        return top;
      }, []),
    pending: (ids) =>
      safely(async () => {
        if (ids.length === 0) return new Map();
        const counts = await client.hmget(keys.pending(), ...ids);
        return new Map(
          ids.flatMap((id, i) => (counts[i] === null ? [] : [[id, Number(counts[i])]])),
        );
      }, new Map()),
    takePending: () =>
      safely(async () => {
        const flat = (await client.eval(TAKE, 1, keys.pending())) as string[];
        const taken = new Map<string, number>();
        for (let i = 0; i < flat.length; i += 2) taken.set(flat[i], Number(flat[i + 1]));
        return taken;
      }, new Map()),
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
