import { LRUCache } from "lru-cache";
import { hourBucket, windowBuckets } from "../domain/popularity";
import { VIEW_LIMITS, type ViewCounter } from "./view-counter";

// Clients remembered for the per-client limits; beyond this the oldest are forgotten.
const MAX_CLIENTS = 100_000;
const MAX_BUCKETS = 24 * 8;

/** A view counter in this process (no Redis): the same rules, counts lost on restart. */
export function createMemoryViewCounter(): ViewCounter {
  const buckets = new Map<string, Map<string, number>>();
  let pending = new Map<string, number>();
  const seen = new LRUCache<string, true>({
    max: MAX_CLIENTS,
    ttl: VIEW_LIMITS.perArticleSeconds * 1000,
  });
  const perMinute = new LRUCache<string, number>({ max: MAX_CLIENTS, ttl: 60_000 });
  const add = (map: Map<string, number>, id: string, n: number) =>
    map.set(id, (map.get(id) ?? 0) + n);
  return {
    async record(articleId, client, now) {
      const seenKey = `${client}\u0000${articleId}`;
      const used = perMinute.get(client) ?? 0;
      if (seen.has(seenKey) || used >= VIEW_LIMITS.perMinute) return false;
      seen.set(seenKey, true);
      perMinute.set(client, used + 1, { noUpdateTTL: used > 0 });
      const bucket = hourBucket(now);
      // Old buckets go when a new hour starts, not on every view.
      if (!buckets.has(bucket)) {
        buckets.set(bucket, new Map());
        const excess = Math.max(0, buckets.size - MAX_BUCKETS);
        for (const old of [...buckets.keys()].sort().slice(0, excess)) buckets.delete(old);
      }
      add(buckets.get(bucket)!, articleId, 1);
      add(pending, articleId, 1);
      return true;
    },
    async viewsInWindow(ids, window, now) {
      const views = new Map<string, number>();
      for (const { bucket, weight } of windowBuckets(window, now)) {
        const counts = buckets.get(bucket);
        for (const id of ids) if (counts?.has(id)) add(views, id, counts.get(id)! * weight);
      }
      return views;
    },
    async top(window, now, limit) {
      const views = new Map<string, number>();
      for (const { bucket, weight } of windowBuckets(window, now)) {
        for (const [id, n] of buckets.get(bucket) ?? []) add(views, id, n * weight);
      }
      return [...views]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, limit)
        .map(([id, v]) => ({ id, views: v }));
    },
    async pending(ids) {
      return new Map(ids.filter((id) => pending.has(id)).map((id) => [id, pending.get(id)!]));
    },
    async takePending() {
      const taken = pending;
      pending = new Map();
      return taken;
    },
    async close() {
      buckets.clear();
    },
  };
}
