import { adaptiveIntervalMs } from "./adaptive-interval";
import { cronPeriodMs, nextCronTime } from "./cron-schedule";
import type { NextCheckReason } from "./source";
import type { SourceSchedule } from "./source-schedule";

/** The longest a backoff or a server's hint (ttl, max-age, Retry-After) makes a source wait. */
export const MAX_WAIT_MS = 24 * 3600_000;
/** Backoff waits vary by up to this share either way, so failing sources do not retry in step. */
export const BACKOFF_JITTER = 0.25;
// Used when a stored cron expression no longer parses: the source must still have a next check.
const FALLBACK_MS = 3600_000;

/** What decides a source's next check; the hints are absent when the fetch did not supply them. */
export interface NextCheckInput {
  /** When the fetch happened (epoch ms). */
  now: number;
  schedule: SourceSchedule;
  /** Failures in a row including this fetch: 0 when it succeeded. */
  failures: number;
  /** Publish times (epoch ms) of the source's recent items, read by adaptive schedules. */
  publishedTimes?: readonly number[];
  /** The feed's `<ttl>` in minutes. */
  ttlMinutes?: number | null;
  /** The response's `Cache-Control: max-age`, in ms. */
  maxAgeMs?: number | null;
  /** The response's `Retry-After`, in ms. */
  retryAfterMs?: number | null;
  /** Returns a number in [0, 1) for jitter; `Math.random` by default. */
  random?: () => number;
}

/** When a source is next due, and why. */
export interface NextCheck {
  at: number;
  reason: NextCheckReason;
}

/**
 * Plans a source's next check. After a success: its interval, next cron time or adaptive pace,
 * but never sooner than the feed's ttl, the response's max-age or Retry-After (the latest wins
 * and names the reason). After failures: exponential backoff from the regular wait with jitter,
 * capped at 24 h, and never sooner than a Retry-After. Always returns a time: no source is
 * ever disabled.
 */
export function planNextCheck(input: NextCheckInput): NextCheck {
  return input.failures > 0 ? planAfterFailure(input) : planAfterSuccess(input);
}

function planAfterSuccess(input: NextCheckInput): NextCheck {
  const hints: NextCheck[] = [
    hint(input.now, minutesToMs(input.ttlMinutes), "ttl"),
    hint(input.now, input.maxAgeMs, "max-age"),
    hint(input.now, input.retryAfterMs, "retry-after"),
  ].filter((h): h is NextCheck => h !== null);
  // Strictly later only: on a tie the source's own schedule stays the reason.
  return hints.reduce((best, h) => (h.at > best.at ? h : best), regularCheck(input));
}

function planAfterFailure(input: NextCheckInput): NextCheck {
  const exponent = Math.min(input.failures - 1, 30);
  const jitter = 1 + (2 * (input.random ?? Math.random)() - 1) * BACKOFF_JITTER;
  const wait = Math.min(regularWaitMs(input) * 2 ** exponent * jitter, MAX_WAIT_MS);
  const backoff: NextCheck = { at: input.now + Math.round(wait), reason: "backoff" };
  const server = hint(input.now, input.retryAfterMs, "retry-after");
  // The server asked for a pause: honour it even when the backoff is already longer.
  return server === null ? backoff : { at: Math.max(backoff.at, server.at), reason: server.reason };
}

function regularCheck(input: NextCheckInput): NextCheck {
  const { schedule, now } = input;
  if (schedule.kind === "cron") {
    const at = safely(() => nextCronTime(schedule.expression, now), now + FALLBACK_MS);
    return { at, reason: "cron" };
  }
  return { at: now + regularWaitMs(input), reason: schedule.kind };
}

/** The regular wait, in ms, that backoff multiplies: the interval, cron period or adaptive pace. */
function regularWaitMs({ schedule, now, publishedTimes }: NextCheckInput): number {
  if (schedule.kind === "interval") return schedule.seconds * 1000;
  if (schedule.kind === "cron") {
    return safely(() => cronPeriodMs(schedule.expression, now), FALLBACK_MS);
  }
  return adaptiveIntervalMs(publishedTimes ?? []);
}

function hint(
  now: number,
  ms: number | null | undefined,
  reason: NextCheckReason,
): NextCheck | null {
  if (ms == null || !Number.isFinite(ms) || ms <= 0) return null;
  return { at: now + Math.min(Math.round(ms), MAX_WAIT_MS), reason };
}

function minutesToMs(minutes: number | null | undefined): number | null {
  return minutes == null ? null : minutes * 60_000;
}

function safely(compute: () => number, fallback: number): number {
  try {
    return compute();
  } catch {
    return fallback;
  }
}
