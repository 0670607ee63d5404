import { LRUCache } from "lru-cache";
import { VIEW_LIMITS } from "./view-counter";

// Clients remembered for the per-client limits; beyond this the oldest are forgotten.
const MAX_CLIENTS = 100_000;

/** The per-client view limits kept in this process (the Redis counter keeps them in Redis). */
export interface ViewLimiter {
  /** Whether `client` may count a view of `articleId` now; a yes is remembered. */
  allow(articleId: string, client: string): boolean;
}

/** Returns an in-process limiter: once per article per half hour, 120 views a minute. */
export function createViewLimiter(): ViewLimiter {
  const seen = new LRUCache<string, true>({
    max: MAX_CLIENTS,
    ttl: VIEW_LIMITS.perArticleSeconds * 1000,
  });
  const perMinute = new LRUCache<string, number>({ max: MAX_CLIENTS, ttl: 60_000 });
  return {
    allow(articleId, client) {
      const seenKey = `${client}\u0000${articleId}`;
      const used = perMinute.get(client) ?? 0;
      if (seen.has(seenKey) || used >= VIEW_LIMITS.perMinute) return false;
      seen.set(seenKey, true);
      perMinute.set(client, used + 1, { noUpdateTTL: used > 0 });
      return true;
    },
  };
}
