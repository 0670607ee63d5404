import type { ChildStats } from "./child-protocol";
import type { LoadResult } from "./load-run";
import type { TargetKey } from "./targets";
import type { WorkloadKey } from "./workloads";

/** One measured run: a target, a workload, a concurrency, a round. */
export interface RunSample {
  target: TargetKey;
  workload: WorkloadKey;
  connections: number;
  round: number;
  load: LoadResult;
  child: ChildStats;
  sqlPerRequest: number;
  /** Null for targets without Redis. */
  redisPerRequest: number | null;
}
