/** How far ahead of the fetch a date may lie before it is read as a feed's mistake. */
export const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

/** An article's dates as epoch milliseconds. */
export interface ArticleDates {
  publishedAt: number;
  updatedAt: number | null;
}

/**
 * Returns the article's dates from the item's parsed dates (epoch ms; null when absent or
 * unreadable): published from the published date, else the updated date, else `now`; updated
 * from the updated date. Dates more than ten minutes past `now` are clamped to `now`.
 */
export function resolveArticleDates(
  published: number | null,
  updated: number | null,
  now: number,
): ArticleDates {
  const updatedAt = clampToNow(updated, now);
  const publishedAt = clampToNow(published, now) ?? updatedAt ?? now;
  return { publishedAt, updatedAt };
}

function clampToNow(at: number | null, now: number): number | null {
  if (at === null) return null;
  return at > now + FUTURE_TOLERANCE_MS ? now : at;
}
