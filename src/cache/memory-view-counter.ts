import { hourBucket, windowBuckets } from "../domain/popularity";
import type { ViewCounter } from "./view-counter";
import { createViewLimiter } from "./view-limiter";

const MAX_BUCKETS = 24 * 8;

/** A view counter in this process (no Redis): the same rules, counts lost on restart. */
export function createMemoryViewCounter(): ViewCounter {
  const buckets = new Map<string, Map<string, number>>();
  let pending = new Map<string, number>();
  const limiter = createViewLimiter();
  const add = (map: Map<string, number>, id: string, n: number) =>
    map.set(id, (map.get(id) ?? 0) + n);
  return {
    async record(articleId, client, now) {
      if (!limiter.allow(articleId, client)) return false;
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
    async restorePending(views) {
      for (const [id, n] of views) add(pending, id, n);
    },
    health: () => null,
    async close() {
      buckets.clear();
    },
  };
}
