import Redis from "ioredis";
import { viewCounterKeys } from "../../src/cache/redis-view-counter";
import { hourBucket } from "../../src/domain/popularity";

/** Runs `use` on a fresh connection straight to the Redis at `url` (past any proxy or counter). */
export async function withProbe<T>(url: string, use: (probe: Redis) => Promise<T>): Promise<T> {
  const probe = new Redis(url, { maxRetriesPerRequest: 0, lazyConnect: true });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    return await use(probe);
  } finally {
    probe.disconnect();
  }
}

/**
 * Views per article a view counter under `prefix` left in Redis: the pending tally, checked
 * against the bucket of the hour of `now`.
 */
export function countedInRedis(
  url: string,
  prefix: string,
  now: number,
): Promise<Record<string, number>> {
  const keys = viewCounterKeys(prefix);
  return withProbe(url, async (probe) => {
    const pending = await probe.hgetall(keys.pending());
    const bucket = await probe.zrange(keys.bucket(hourBucket(now)), "0", "-1", "WITHSCORES");
    const inBucket: Record<string, number> = {};
    for (let i = 0; i < bucket.length; i += 2) inBucket[bucket[i]] = Number(bucket[i + 1]);
    const counted = Object.fromEntries(Object.entries(pending).map(([id, n]) => [id, Number(n)]));
    expect(inBucket).toEqual(counted);
    return counted;
  });
}
