import { median } from "../measure";
import type { RunSample } from "./run-sample";
import type { TargetKey } from "./targets";
import type { WorkloadKey } from "./workloads";

/** The rounds of one target x workload x concurrency, summed up. */
export interface Summary {
  target: TargetKey;
  workload: WorkloadKey;
  connections: number;
  rounds: number;
  /** Medians over the rounds. */
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  sqlPerRequest: number;
  redisPerRequest: number | null;
  /** Totals over the rounds. */
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  graphqlErrors: number;
  /** The worst round's event-loop p99 and max, and the largest RSS seen. */
  loopP99Ms: number;
  loopMaxMs: number;
  rssMb: number;
}

/** Groups samples by target, workload and concurrency (first-seen order) and sums them up. */
export function summarize(samples: readonly RunSample[]): Summary[] {
  const groups = new Map<string, RunSample[]>();
  for (const s of samples) {
    const key = `${s.target}|${s.workload}|${s.connections}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()].map(summarizeGroup);
}

function summarizeGroup(group: RunSample[]): Summary {
  const med = (pick: (s: RunSample) => number) => median(group.map(pick));
  const sum = (pick: (s: RunSample) => number) => group.reduce((n, s) => n + pick(s), 0);
  const max = (pick: (s: RunSample) => number) => Math.max(...group.map(pick));
  const redis = group.every((s) => s.redisPerRequest !== null);
  return {
    target: group[0].target,
    workload: group[0].workload,
    connections: group[0].connections,
    rounds: group.length,
    perSecond: med((s) => s.load.perSecond),
    p50Ms: med((s) => s.load.p50Ms),
    p99Ms: med((s) => s.load.p99Ms),
    sqlPerRequest: med((s) => s.sqlPerRequest),
    redisPerRequest: redis ? med((s) => s.redisPerRequest ?? 0) : null,
    requests: sum((s) => s.load.requests),
    non2xx: sum((s) => s.load.non2xx),
    errors: sum((s) => s.load.errors),
    timeouts: sum((s) => s.load.timeouts),
    graphqlErrors: sum((s) => s.load.graphqlErrors),
    loopP99Ms: max((s) => s.child.loopP99Ms),
    loopMaxMs: max((s) => s.child.loopMaxMs),
    rssMb: max((s) => s.child.rssMb),
  };
}

/** The summary of one target x workload x concurrency, if it ran. */
export function findSummary(
  summaries: readonly Summary[],
  target: TargetKey,
  workload: WorkloadKey,
  connections: number,
): Summary | undefined {
  return summaries.find(
    (s) => s.target === target && s.workload === workload && s.connections === connections,
  );
}
