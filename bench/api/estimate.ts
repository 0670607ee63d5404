import type { CorpusSize } from "./corpus-spec";

/** What a run will do, for its time estimate. */
export interface RunPlan {
  runs: number;
  warmups: number;
  seconds: number;
  warmupSeconds: number;
  colds: number;
  coldSeconds: number;
  corpus: CorpusSize;
  targets: number;
  postgres: boolean;
}

// Measured on a 2-core machine: per run, the checks, resets and stats around it; per target,
// start-up (the gateway records its views); seeding per store.
const PER_RUN_S = 0.15;
const PER_TARGET_S = { full: 3, small: 1 };
const SEED_S = { full: { sqlite: 5, postgres: 10 }, small: { sqlite: 1, postgres: 2 } };

/** Roughly how long the run takes, in seconds. */
export function estimateSeconds(plan: RunPlan): number {
  const seeding = SEED_S[plan.corpus].sqlite + (plan.postgres ? SEED_S[plan.corpus].postgres : 0);
  return (
    seeding +
    plan.targets * PER_TARGET_S[plan.corpus] +
    plan.runs * (plan.seconds + PER_RUN_S) +
    plan.warmups * plan.warmupSeconds +
    plan.colds * (plan.coldSeconds + PER_RUN_S)
  );
}
