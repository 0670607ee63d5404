/** The longest a source ever waits between checks. */
export const MAX_WAIT_MS = 24 * 3600 * 1000;

/**
 * When a source is next due: one interval after a success; after failures, the interval doubled
 * per consecutive failure, capped at 24 hours.
 */
export function nextCheckAt(opts: {
  now: number;
  intervalSeconds: number;
  consecutiveFailures: number;
}): number {
  const base = opts.intervalSeconds * 1000;
  const exponent = Math.min(Math.max(opts.consecutiveFailures, 0), 20);
  return opts.now + Math.min(base * 2 ** exponent, MAX_WAIT_MS);
}
