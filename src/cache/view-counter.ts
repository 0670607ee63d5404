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
  close(): Promise<void>;
}

/** How often one client may count: one view per article per half hour, 120 views a minute. */
export const VIEW_LIMITS = { perArticleSeconds: 1800, perMinute: 120 };
