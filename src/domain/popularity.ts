/** The windows popularity is measured over. */
export type PopularityWindow = "hour" | "day" | "week";

const HOUR_MS = 3600_000;
const WINDOW_HOURS: Readonly<Record<PopularityWindow, number>> = { hour: 1, day: 24, week: 168 };

/** How long each window is, in milliseconds. */
export function windowMs(window: PopularityWindow): number {
  return WINDOW_HOURS[window] * HOUR_MS;
}

/** The hourly bucket an instant falls in, as `yyyymmddhh` (UTC). */
export function hourBucket(at: number): string {
  return new Date(at).toISOString().slice(0, 13).replace(/[-T]/g, "");
}

/**
 * Returns the hourly buckets a window sums, with their weights: the current hour in full, the
 * whole hours before it, and the oldest hour only for the part of it still inside the window
 * (so an hour's window slides instead of jumping when the clock turns).
 */
export function windowBuckets(
  window: PopularityWindow,
  now: number,
): { bucket: string; weight: number }[] {
  const hours = WINDOW_HOURS[window];
  const intoHour = (now % HOUR_MS) / HOUR_MS;
  const buckets = [];
  for (let back = 0; back <= hours; back++) {
    const weight = back < hours ? 1 : 1 - intoHour;
    if (weight > 0) buckets.push({ bucket: hourBucket(now - back * HOUR_MS), weight });
  }
  return buckets;
}

/** How long a bucket must be kept for the longest window to read it. */
export const BUCKET_TTL_SECONDS = (WINDOW_HOURS.week + 2) * 3600;

/** What a hot score is made of; returned with the score so clients can see why. */
export interface HotScoreInputs {
  viewsLastDay: number;
  /** Rank in the source's own popular list (1 = top), or null. */
  sourceRank: number | null;
  ageHours: number;
}

/** The gravity of the hot score: how fast age wears popularity down. */
export const HOT_GRAVITY = 1.5;

/**
 * The hot score, Hacker News style: (views in the last day + a bonus for a place in the
 * source's own top ten + 1) divided by (age in hours + 2) to the power 1.5. New and read beats
 * old and read; a source's own top story starts with a head start of 50 views.
 */
export function hotScore(inputs: HotScoreInputs): number {
  return (
    (inputs.viewsLastDay + sourceRankBonus(inputs.sourceRank) + 1) /
    (Math.max(0, inputs.ageHours) + 2) ** HOT_GRAVITY
  );
}

/** The head start a place in the source's own top ten gives (50 for first, 5 for tenth). */
export function sourceRankBonus(rank: number | null): number {
  return rank === null || rank > 10 ? 0 : (11 - rank) * 5;
}
