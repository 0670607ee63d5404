import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { BUCKET_TTL_SECONDS, hourBucket, windowBuckets } from "../domain/popularity";
import type { CircuitBreaker } from "./circuit-breaker";
import {
  type CacheLogger,
  isReplyError,
  isUnsentError,
  openGuardedRedis,
  silentLogger,
  type BreakerSetting,
} from "./redis-connection";
import {
  RECORD_SCRIPT,
  REPLAY_SCRIPT,
  TAKE_SCRIPT,
  replayScriptArgs,
  viewCounterKeys,
  type ViewCounterKeys,
} from "./redis-view-scripts";
import { createViewBuffer, type ViewBuffer, type ViewBufferLimits } from "./view-buffer";
import { VIEW_LIMITS, type ViewCounter } from "./view-counter";
import { createViewLimiter } from "./view-limiter";

export { viewCounterKeys, type ViewCounterKeys } from "./redis-view-scripts";

/** Options for {@link createRedisViewCounter}. */
export interface RedisViewCounterOptions {
  url: string;
  prefix: string;
  /** A command slower than this fails (and counts against the breaker); 200 ms by default. */
  commandTimeoutMs?: number;
  /** Longest wait between reconnect attempts; 2000 ms by default. */
  maxReconnectDelayMs?: number;
  /** Consecutive failures that open the breaker (5) and how long it stays open (2000 ms). */
  breaker?: BreakerSetting;
  /** Caps of the buffer that holds views while Redis is unavailable. */
  buffer?: Partial<ViewBufferLimits>;
  logger?: CacheLogger;
}

/**
 * A view counter in Redis, with its own fail-fast connection and breaker. While Redis is down,
 * hung or paused, views are counted in a bounded buffer here (under the same per-client limits,
 * kept in this process) and replayed into Redis once it answers again, each at most once.
 */
export async function createRedisViewCounter(opts: RedisViewCounterOptions): Promise<ViewCounter> {
  const keys = viewCounterKeys(opts.prefix);
  const buffer = createViewBuffer({ newId: randomUUID, limits: opts.buffer });
  const limiter = createViewLimiter();
  // Taken views the store could not keep, given back while Redis could not take them.
  const given = new Map<string, number>();
  const redis = openGuardedRedis({
    url: opts.url,
    part: "views",
    logger: opts.logger ?? silentLogger,
    commandTimeoutMs: opts.commandTimeoutMs ?? 200,
    maxReconnectDelayMs: opts.maxReconnectDelayMs ?? 2000,
    breaker: opts.breaker,
    onReady: () => void replay.run(),
    onSuccess: () => answered(),
  });
  const { client, breaker, guarded } = redis;
  const replay = createReplay({ client, keys, buffer, breaker, isClosed: redis.isClosed });
  const answered = () => {
    if (!buffer.isEmpty()) void replay.run();
  };
  // The first attempt is awaited so a healthy Redis counts the first view; a failing one is not fatal.
  await redis.connect();

  /** Counts a view Redis certainly did not count here, under this process's limits. */
  const keepLocally = (articleId: string, who: string, hour: string) =>
    limiter.allow(articleId, who) && buffer.add(articleId, hour);

  return {
    async record(articleId, who, now) {
      if (redis.isClosed()) return false;
      const hour = hourBucket(now);
      if (client.status !== "ready" || !breaker.allow()) return keepLocally(articleId, who, hour);
      try {
        const counted = await client.eval(
          RECORD_SCRIPT,
          4,
          keys.seen(who, articleId),
          keys.perMinute(who),
          keys.bucket(hour),
          keys.pending(),
          VIEW_LIMITS.perArticleSeconds,
          VIEW_LIMITS.perMinute,
          articleId,
          BUCKET_TTL_SECONDS,
        );
        redis.noteOutcome();
        breaker.succeed();
        answered();
        return counted === 1;
      } catch (error) {
        redis.noteOutcome(error);
        if (isReplyError(error)) breaker.succeed();
        else breaker.fail();
        if (isReplyError(error) || isUnsentError(error)) return keepLocally(articleId, who, hour);
        // No answer: Redis may have counted it, so it is replayed only if it did not.
        return buffer.addUncertain({ articleId, client: who, hour });
      }
    },
    viewsInWindow: (ids, window, now) =>
      ids.length === 0
        ? Promise.resolve(new Map())
        : guarded(new Map(), () => weightedViews(client, keys, ids, window, now)),
    top: (window, now, limit) => guarded([], () => topViews(client, keys, window, now, limit)),
    async pending(ids) {
      if (ids.length === 0) return new Map();
      const held = buffer.pendingOf(ids);
      const counted = await guarded(new Map<string, number>(), async () => {
        const counts = await client.hmget(keys.pending(), ...ids);
        return new Map(
          ids.flatMap((id, i) => (counts[i] === null ? [] : [[id, Number(counts[i])]])),
        );
      });
      for (const [id, n] of held) counted.set(id, (counted.get(id) ?? 0) + n);
      for (const id of ids) {
        const back = given.get(id);
        if (back !== undefined) counted.set(id, (counted.get(id) ?? 0) + back);
      }
      return counted;
    },
    async takePending() {
      // Views held here go to Redis first, so the flush takes them too.
      await replay.run();
      const taken = await guarded(new Map<string, number>(), async () => {
        const flat = (await client.eval(TAKE_SCRIPT, 1, keys.pending())) as string[];
        const fromRedis = new Map<string, number>();
        for (let i = 0; i < flat.length; i += 2) fromRedis.set(flat[i], Number(flat[i + 1]));
        return fromRedis;
      });
      for (const [id, n] of given) taken.set(id, (taken.get(id) ?? 0) + n);
      given.clear();
      return taken;
    },
    async restorePending(views) {
      // Back into Redis's tally when it answers; else held here for the next flush.
      const restored = await guarded(false, async () => {
        const pipeline = client.pipeline();
        for (const [id, n] of views) pipeline.hincrby(keys.pending(), id, n);
        const failed = (await pipeline.exec())?.find(([error]) => error !== null);
        if (failed) throw failed[0];
        return true;
      });
      if (!restored) for (const [id, n] of views) given.set(id, (given.get(id) ?? 0) + n);
    },
    health: () => ({
      redis: redis.isUp() ? "up" : "down",
      ...buffer.stats(),
    }),
    async close() {
      await replay.run();
      await redis.close();
    },
  };
}

/**
 * Returns the replayer: `run()` sends the buffer to Redis batch by batch while it answers, one
 * run at a time (a call during a run joins it); a batch without an answer is kept for the next.
 */
function createReplay(deps: {
  client: Redis;
  keys: ViewCounterKeys;
  buffer: ViewBuffer;
  breaker: CircuitBreaker;
  isClosed: () => boolean;
}): { run(): Promise<void> } {
  const { client, buffer } = deps;
  let running: Promise<void> | null = null;
  const drain = async () => {
    while (!deps.isClosed() && client.status === "ready" && deps.breaker.state() !== "open") {
      const batch = buffer.nextBatch();
      if (!batch) return;
      const { keys, args } = replayScriptArgs(deps.keys, batch);
      try {
        await client.eval(REPLAY_SCRIPT, keys.length, ...keys, ...args);
        buffer.settle(batch.id, "applied");
        // A replay started by the periodic flush may be the first answer after an outage.
        deps.breaker.succeed();
      } catch (error) {
        const answered = isReplyError(error) || isUnsentError(error);
        buffer.settle(batch.id, answered ? "refused" : "unknown");
        if (!isReplyError(error)) deps.breaker.fail();
        return;
      }
    }
  };
  return {
    run() {
      running ??= drain().finally(() => {
        running = null;
      });
      return running;
    },
  };
}

/** Views per article within the window, weighted by bucket. */
async function weightedViews(
  client: Redis,
  keys: ViewCounterKeys,
  ids: readonly string[],
  window: Parameters<ViewCounter["top"]>[0],
  now: number,
): Promise<Map<string, number>> {
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
}

/** The most viewed articles in the window, from a union of its buckets made and dropped at once. */
async function topViews(
  client: Redis,
  keys: ViewCounterKeys,
  window: Parameters<ViewCounter["top"]>[0],
  now: number,
  limit: number,
): Promise<{ id: string; views: number }[]> {
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
}
