import { setTimeout as delay } from "node:timers/promises";
import { compareArticles } from "./chaos-store";
import type { Fault, FaultTargets } from "./faults";
import { countOutcomes, type FaultResult, phaseLatency } from "./fault-result";
import { type GatewayProbes, timeUntil } from "./gateway-probes";
import type { GrowingFeeds } from "./growing-feeds";

/** How long each phase of a fault lasts. */
export interface FaultTimes {
  warmMs: number;
  faultMs: number;
  afterMs: number;
}

/** What running one fault needs besides its targets. */
export interface FaultRun {
  targets: FaultTargets;
  probes: GatewayProbes;
  feeds: GrowingFeeds;
  articleIds: readonly string[];
  sourceIds: readonly string[];
  times: FaultTimes;
}

const RECOVERY_LIMIT_MS = 60_000;

/**
 * Runs one fault under the load: a warm phase, the fault, recovery, an after phase; then counts
 * the views (sent against counted, with views paused so none is in flight) and the articles
 * (every item the feeds served against what is stored, after a refresh of every source).
 */
export async function runFault(fault: Fault, run: FaultRun): Promise<FaultResult> {
  const { load } = run.targets;
  const { warmMs, faultMs, afterMs } = run.times;
  const viewsBefore = await settledViews(run);
  const mark = load.samples.length;
  const badBefore = (await run.probes.readyz())?.badCacheValues ?? 0;
  load.resumeViews();

  await delay(warmMs);
  const faultStart = load.clock();
  const mend = await fault.inject(run.targets, faultMs);
  await delay(faultMs);
  await mend();
  const faultEnd = load.clock();
  const recoveryMs = await timeUntil(() => run.probes.recovered(), RECOVERY_LIMIT_MS);
  await delay(afterMs);
  const afterEnd = load.clock();

  const viewsAfter = await settledViews(run);
  const samples = load.samples.slice(mark);
  const views = samples.filter((s) => s.op === "view");
  const outcomes = countOutcomes(samples);
  const articles = await countArticles(run);
  const ready = await run.probes.readyz();
  const notes: string[] = [];
  const bad = (ready?.badCacheValues ?? 0) - badBefore;
  if (bad > 0) notes.push(`${bad} bad cache values dropped`);
  if (ready?.views?.overflow) notes.push(`${ready.views.overflow} views over the buffer`);
  return {
    name: fault.name,
    what: fault.what,
    redis: fault.redis,
    requests: samples.length,
    failed: outcomes.failed,
    errors: outcomes.errors,
    during: phaseLatency(samples, faultStart, faultEnd),
    after: phaseLatency(samples, faultEnd, afterEnd),
    recoveryMs,
    views: {
      sent: views.filter((s) => s.counted === true).length,
      counted: viewsAfter - viewsBefore,
      unanswered: views.filter((s) => s.counted === undefined).length,
    },
    articles,
    ...(outcomes.abuse.sent > 0 ? { abuse: outcomes.abuse } : {}),
    notes,
  };
}

/** Pauses views, waits until none is held back, and sums what the articles have. */
async function settledViews(run: FaultRun): Promise<number> {
  await run.targets.load.pauseViews();
  await timeUntil(() => run.probes.recovered(), RECOVERY_LIMIT_MS);
  return run.probes.totalViews(run.articleIds);
}

/** Refreshes every source (bounded retries) and compares what is stored with what was served. */
async function countArticles(run: FaultRun): Promise<FaultResult["articles"]> {
  await timeUntil(() => run.probes.refreshAll(run.sourceIds), RECOVERY_LIMIT_MS);
  return compareArticles(run.feeds.served(), await run.targets.store.countArticles());
}
