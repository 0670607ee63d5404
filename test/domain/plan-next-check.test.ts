import { planNextCheck, type NextCheckInput } from "../../src/domain/plan-next-check";
import type { SourceSchedule } from "../../src/domain/source-schedule";

const T0 = Date.UTC(2026, 1, 4, 0, 7); // 00:07 UTC
const MIN = 60_000;
const HOUR = 60 * MIN;

const every10Min: SourceSchedule = { kind: "interval", seconds: 600 };
const quarterHours: SourceSchedule = { kind: "cron", expression: "*/15 * * * *" };
const adaptive: SourceSchedule = { kind: "adaptive" };

/** Publish times `gapMs` apart, newest first, ending at T0. */
const paced = (gapMs: number, count = 20) =>
  Array.from({ length: count }, (_, i) => T0 - i * gapMs);

function plan(input: Partial<NextCheckInput>) {
  const { at, reason } = planNextCheck({
    now: T0,
    schedule: every10Min,
    failures: 0,
    random: () => 0.5, // no jitter
    ...input,
  });
  return { wait: at - T0, reason };
}

describe("planNextCheck after a success", () => {
  it.each<[string, Partial<NextCheckInput>, number, string]>([
    ["waits one interval", {}, 10 * MIN, "interval"],
    ["waits for the next cron firing", { schedule: quarterHours }, 8 * MIN, "cron"],
    [
      "paces an adaptive source by the median gap between its items",
      { schedule: adaptive, publishedTimes: paced(40 * MIN) },
      40 * MIN,
      "adaptive",
    ],
    [
      "never polls an adaptive source more often than every 5 minutes",
      { schedule: adaptive, publishedTimes: paced(MIN) },
      5 * MIN,
      "adaptive",
    ],
    [
      "never waits more than 24 hours on an adaptive source",
      { schedule: adaptive, publishedTimes: paced(72 * HOUR) },
      24 * HOUR,
      "adaptive",
    ],
    [
      "waits an hour on an adaptive source with too few items to tell",
      { schedule: adaptive, publishedTimes: paced(10 * MIN, 2) },
      HOUR,
      "adaptive",
    ],
    ["waits no sooner than the feed's ttl", { ttlMinutes: 60 }, HOUR, "ttl"],
    ["keeps the interval when the ttl is shorter", { ttlMinutes: 5 }, 10 * MIN, "interval"],
    ["keeps the schedule as the reason on a tie", { ttlMinutes: 10 }, 10 * MIN, "interval"],
    ["waits no sooner than max-age", { maxAgeMs: 2 * HOUR, ttlMinutes: 60 }, 2 * HOUR, "max-age"],
    [
      "waits no sooner than Retry-After, when it is the latest hint",
      { retryAfterMs: 3 * HOUR, maxAgeMs: 2 * HOUR, ttlMinutes: 60 },
      3 * HOUR,
      "retry-after",
    ],
    ["caps a server's hint at 24 hours", { maxAgeMs: 48 * HOUR }, 24 * HOUR, "max-age"],
    ["ignores zero and negative hints", { maxAgeMs: 0, retryAfterMs: -5 }, 10 * MIN, "interval"],
  ])("%s", (_, input, wait, reason) => {
    expect(plan(input)).toEqual({ wait, reason });
  });

  it("does not cap a cron schedule that fires rarely", () => {
    const monthly: SourceSchedule = { kind: "cron", expression: "0 0 1 * *" };
    expect(plan({ schedule: monthly })).toEqual({
      wait: Date.UTC(2026, 2, 1) - T0,
      reason: "cron",
    });
  });

  it("still plans a check when a stored cron expression no longer parses", () => {
    const broken: SourceSchedule = { kind: "cron", expression: "not cron" };
    expect(plan({ schedule: broken })).toEqual({ wait: HOUR, reason: "cron" });
    expect(plan({ schedule: broken, failures: 1 })).toEqual({ wait: HOUR, reason: "backoff" });
  });
});

describe("planNextCheck after failures", () => {
  it.each<[string, Partial<NextCheckInput>, number, string]>([
    ["waits one interval after the first failure", { failures: 1 }, 10 * MIN, "backoff"],
    ["doubles the wait per failure in a row", { failures: 3 }, 40 * MIN, "backoff"],
    ["caps the backoff at 24 hours", { failures: 12 }, 24 * HOUR, "backoff"],
    ["jitters down by up to 25%", { failures: 2, random: () => 0 }, 15 * MIN, "backoff"],
    ["jitters up by up to 25%", { failures: 2, random: () => 0.75 }, 22.5 * MIN, "backoff"],
    [
      "backs off from a cron schedule's period",
      { failures: 2, schedule: quarterHours },
      30 * MIN,
      "backoff",
    ],
    [
      "backs off from an adaptive source's pace",
      { failures: 2, schedule: adaptive, publishedTimes: paced(20 * MIN) },
      40 * MIN,
      "backoff",
    ],
    [
      "honours a longer Retry-After",
      { failures: 1, retryAfterMs: 2 * HOUR },
      2 * HOUR,
      "retry-after",
    ],
    [
      "keeps the longer backoff under a short Retry-After, and names the server's request",
      { failures: 3, retryAfterMs: MIN },
      40 * MIN,
      "retry-after",
    ],
    ["ignores a feed's ttl and max-age", { failures: 1, ttlMinutes: 600 }, 10 * MIN, "backoff"],
  ])("%s", (_, input, wait, reason) => {
    expect(plan(input)).toEqual({ wait, reason });
  });

  it("always plans a later check, whatever the failure count", () => {
    for (const failures of [1, 2, 10, 100, 10_000]) {
      const { wait } = plan({ failures, random: Math.random });
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(24 * HOUR);
    }
  });
});
