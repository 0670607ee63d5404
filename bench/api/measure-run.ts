import { checkEveryReply, checkReply } from "./check-reply";
import { runLoad } from "./load-run";
import type { RunSample } from "./run-sample";
import type { RunningTarget } from "./start-targets";
import type { Workload } from "./workloads";

/** How one run goes: its length, and the warm-up before the first run of a kind. */
export interface RunSettings {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  round: number;
  /**
   * The first run of this workload on this target: every distinct request is checked, then
   * the target warms up (later runs find it warm: the JIT and caches stay in its process).
   */
  firstOfWorkload: boolean;
}

/**
 * Checks the target answers the workload right, then resets the child's counters and measures
 * one run: load, event loop and memory, SQL statements and Redis commands per request.
 */
export async function measureRun(
  target: RunningTarget,
  workload: Workload,
  run: RunSettings,
): Promise<RunSample> {
  const { server, redis } = target;
  const what = `${target.def.label}, ${workload.key}`;
  if (run.firstOfWorkload) await checkEveryReply(server.url, workload.requests, what);
  else await checkReply(server.url, workload.requests[0], what);
  const load = { connections: run.connections, seconds: run.seconds };
  if (run.firstOfWorkload && run.warmupSeconds > 0) {
    await runLoad(server.url, workload.requests, { ...load, seconds: run.warmupSeconds });
  }
  await server.reset();
  const redisBefore = await redis?.commandCalls();
  const result = await runLoad(server.url, workload.requests, load);
  const child = await server.stats();
  const redisAfter = await redis?.commandCalls();
  const per = (n: number) => n / Math.max(1, result.requests);
  return {
    target: target.def.key,
    workload: workload.key,
    connections: run.connections,
    round: run.round,
    load: result,
    child,
    sqlPerRequest: per(child.statements),
    redisPerRequest:
      redisBefore === undefined || redisAfter === undefined ? null : per(redisAfter - redisBefore),
  };
}
