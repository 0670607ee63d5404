import type { Sample } from "./load";

/** Latency of the readers' requests in one phase. */
export interface PhaseLatency {
  requests: number;
  p50: number;
  p99: number;
}

/** What one fault did, as the report prints it. */
export interface FaultResult {
  name: string;
  what: string;
  /** Whether the Redis goal (p99 under 300 ms during the fault) applies. */
  redis: boolean;
  requests: number;
  /** Answers with status 5xx, or no answer at all. */
  failed: number;
  /** GraphQL error codes of the readers' and writer's answers, counted by `op:CODE`. */
  errors: Record<string, number>;
  during: PhaseLatency;
  after: PhaseLatency;
  /** From the fault's end until the gateway was whole again; null if it never was. */
  recoveryMs: number | null;
  views: { sent: number; counted: number; unanswered: number };
  articles: { expected: number; stored: number; lost: number; duplicated: number };
  /** For the abusive client: its requests, and how many were refused with 429. */
  abuse?: { sent: number; limited: number };
  /** For the last fault of a gateway: its exit status after SIGTERM (0 when it stopped cleanly). */
  stopStatus?: number | null;
  /** Other figures worth a line (bad cache values seen, views dropped). */
  notes: string[];
}

const READER_OPS = new Set<Sample["op"]>(["front", "article", "view"]);

/** p50 and p99 of the readers' requests sent in [from, to). */
export function phaseLatency(samples: readonly Sample[], from: number, to: number): PhaseLatency {
  const ms = samples
    .filter((s) => READER_OPS.has(s.op) && s.at >= from && s.at < to)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  return { requests: ms.length, p50: percentile(ms, 0.5), p99: percentile(ms, 0.99) };
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]);
}

/** Failures and error codes of the samples, the abusive client's apart. */
export function countOutcomes(samples: readonly Sample[]) {
  const errors: Record<string, number> = {};
  let failed = 0;
  let abuseSent = 0;
  let abuseLimited = 0;
  for (const s of samples) {
    if (s.op === "abuse") {
      abuseSent++;
      if (s.status === 429) abuseLimited++;
      else if (s.status >= 500 || s.status === 0) failed++;
      continue;
    }
    if (s.status >= 500 || s.status === 0) failed++;
    for (const code of s.errors) errors[`${s.op}:${code}`] = (errors[`${s.op}:${code}`] ?? 0) + 1;
  }
  return { failed, errors, abuse: { sent: abuseSent, limited: abuseLimited } };
}

/** The ways a result misses the goals that hold on any machine (latency is only reported). */
export function missedGoals(r: FaultResult): string[] {
  const missed: string[] = [];
  if (r.failed > 0) missed.push(`${r.failed} answers 5xx or none`);
  // A refresh may meet the store's typed refusal while its write lock is held; nothing else may.
  const readerErrors = Object.entries(r.errors).filter(
    ([code]) => code !== "refresh:STORE_UNAVAILABLE",
  );
  if (readerErrors.length > 0)
    missed.push(`errors ${readerErrors.map(([c, n]) => `${c}×${n}`).join(", ")}`);
  if (r.articles.lost > 0) missed.push(`${r.articles.lost} articles lost`);
  if (r.articles.duplicated > 0) missed.push(`${r.articles.duplicated} articles stored twice`);
  const { sent, counted, unanswered } = r.views;
  if (counted < sent || counted > sent + unanswered)
    missed.push(`views: ${sent} sent (${unanswered} unanswered), ${counted} counted`);
  if (r.recoveryMs === null) missed.push("never recovered");
  if (r.stopStatus !== undefined && r.stopStatus !== 0)
    missed.push(`the gateway did not stop cleanly on SIGTERM (status ${r.stopStatus})`);
  return missed;
}
