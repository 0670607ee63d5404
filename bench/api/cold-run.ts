import { checkReply } from "./check-reply";
import { runLoad, type LoadResult } from "./load-run";
import type { RunningTarget } from "./start-targets";
import type { TargetKey } from "./targets";
import type { Workload } from "./workloads";

/** A short run right after every cache of a target was dropped. */
export interface ColdSample {
  target: TargetKey;
  connections: number;
  load: LoadResult;
}

/**
 * Flushes the target's caches and runs the workload at once (no check first: that would warm
 * the cache); the reply is checked afterwards.
 */
export async function measureCold(
  target: RunningTarget,
  workload: Workload,
  opts: { connections: number; seconds: number },
): Promise<ColdSample> {
  await target.server.flush();
  const load = await runLoad(target.server.url, workload.requests, opts);
  await checkReply(
    target.server.url,
    workload.requests[0],
    `${target.def.label}, cold ${workload.key}`,
  );
  return { target: target.def.key, connections: opts.connections, load };
}
