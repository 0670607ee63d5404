import type { PopularityWindow } from "../domain/popularity";

/**
 * Counts article views: hourly buckets for windows, a pending tally for the store, and a limit
 * per client. Redis when configured (exact under concurrency, shared by every instance), else
 * in-process. A failure counts nothing and throws nothing.
 */
export interface ViewCounter {
  /** Counts one view by `client` unless it already counted this article lately or too many. */
  record(articleId: string, client: string, now: number): Promise<boolean>;
  /** Views per article within the window (weighted buckets); absent ids have none. */
  viewsInWindow(
    ids: readonly string[],
    window: PopularityWindow,
    now: number,
  ): Promise<Map<string, number>>;
  /** The most viewed articles in the window, most first. */
  top(
    window: PopularityWindow,
    now: number,
    limit: number,
  ): Promise<{ id: string; views: number }[]>;
  /** Views counted but not yet added to the store, per article. */
  pending(ids: readonly string[]): Promise<Map<string, number>>;
  /** Takes the pending views (they are then the store's to keep); empty on failure. */
  takePending(): Promise<Map<string, number>>;
  /** Gives back taken views the store could not keep: pending again, taken by the next flush. */
  restorePending(views: ReadonlyMap<string, number>): Promise<void>;
  /** How Redis stands and what this process holds for it; null for the in-process counter. */
  health(): ViewCounterHealth | null;
  close(): Promise<void>;
}

/** The Redis counter's state for /readyz: views held here while Redis could not take them. */
export interface ViewCounterHealth {
  redis: "up" | "down";
  /** Views held in this process, not yet replayed into Redis. */
  views: number;
  /** Of those, views whose command got no answer (replayed only if Redis did not count them). */
  uncertain: number;
  /** Distinct article-hour entries held (capped). */
  entries: number;
  /** Views dropped because the buffer was full, since start. */
  overflow: number;
  /** Views replayed into Redis, since start. */
  replayed: number;
}

/** How often one client may count: one view per article per half hour, 120 views a minute. */
export const VIEW_LIMITS = { perArticleSeconds: 1800, perMinute: 120 };
