/** The shortest wait an adaptive schedule picks. */
export const ADAPTIVE_MIN_MS = 5 * 60_000;
/** The longest wait an adaptive schedule picks. */
export const ADAPTIVE_MAX_MS = 24 * 3600_000;
/** The wait when a source has too few dated items to tell its pace. */
export const ADAPTIVE_DEFAULT_MS = 3600_000;
/** How many of the newest items the pace is read from. */
export const ADAPTIVE_SAMPLE = 20;

// Two gaps at least: one gap is a coincidence, not a pace.
const MIN_GAPS = 2;

/**
 * How long to wait before polling a source that publishes at these times (epoch ms): the median
 * gap between its newest items, clamped to [5 min, 24 h]; 1 h when there are too few to tell.
 */
export function adaptiveIntervalMs(publishedTimes: readonly number[]): number {
  const newest = [...publishedTimes]
    .filter(Number.isFinite)
    .sort((a, b) => b - a)
    .slice(0, ADAPTIVE_SAMPLE);
  // Equal times say nothing about pace (undated items all get the time they were first seen).
  const gaps = newest
    .slice(1)
    .map((t, i) => newest[i] - t)
    .filter((gap) => gap > 0);
  if (gaps.length < MIN_GAPS) return ADAPTIVE_DEFAULT_MS;
  return Math.min(Math.max(median(gaps), ADAPTIVE_MIN_MS), ADAPTIVE_MAX_MS);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
