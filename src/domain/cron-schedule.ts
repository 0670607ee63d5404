import { CronExpressionParser } from "cron-parser";

/** The shortest gap a cron schedule may have between two firings. */
export const MIN_CRON_GAP_MS = 60_000;

// Firings checked for the minimum gap; enough to catch sub-minute steps in any field.
const GAP_SAMPLES = 6;
// A fixed reference instant keeps validation deterministic.
const REFERENCE = Date.UTC(2026, 0, 1);

function firings(expression: string, after: number, count: number): number[] {
  const cron = CronExpressionParser.parse(expression, { currentDate: new Date(after), tz: "UTC" });
  return Array.from({ length: count }, () => cron.next().getTime());
}

/** The first time after `now` (epoch ms) that the UTC cron `expression` fires. */
export function nextCronTime(expression: string, now: number): number {
  return firings(expression, now, 1)[0];
}

/** The gap between the next two firings after `now`: the schedule's period there, in ms. */
export function cronPeriodMs(expression: string, now: number): number {
  const [first, second] = firings(expression, now, 2);
  return second - first;
}

/** Why `expression` cannot schedule a source (unparseable, fires too often), else null. */
export function describeCronProblem(expression: string): string | null {
  if (expression.trim() === "") return "is empty";
  let times: number[];
  try {
    times = firings(expression, REFERENCE, GAP_SAMPLES);
  } catch (err) {
    return `is not a valid cron expression (${(err as Error).message})`;
  }
  const tooClose = times.some((t, i) => i > 0 && t - times[i - 1] < MIN_CRON_GAP_MS);
  return tooClose ? "fires more than once a minute" : null;
}
