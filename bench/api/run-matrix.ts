import { num } from "../report";
import { measureRun } from "./measure-run";
import type { RunSample } from "./run-sample";
import type { RunningTarget } from "./start-targets";
import { serves } from "./targets";
import type { Workload } from "./workloads";

/** How the matrix runs: concurrencies, rounds, seconds per run and warm-up. */
export interface MatrixOptions {
  concurrency: readonly number[];
  rounds: number;
  seconds: number;
  warmupSeconds: number;
}

/** How many runs the matrix makes and how many of them warm up first. */
export function countRuns(
  targets: readonly { def: RunningTarget["def"] }[],
  workloads: readonly Workload[],
  opts: MatrixOptions,
): { runs: number; warmups: number } {
  const pairs = workloads.reduce((n, w) => n + targets.filter((t) => serves(t.def, w)).length, 0);
  return { runs: pairs * opts.concurrency.length * opts.rounds, warmups: pairs };
}

/**
 * For every concurrency and workload, runs the targets interleaved: round 1 visits each target
 * in turn, then round 2, and so on, so a drift in the machine touches every target alike.
 */
export async function runMatrix(
  targets: readonly RunningTarget[],
  workloads: readonly Workload[],
  opts: MatrixOptions,
  print: (line: string) => void,
): Promise<RunSample[]> {
  const samples: RunSample[] = [];
  const checked = new Set<string>();
  const total = countRuns(targets, workloads, opts).runs;
  for (const connections of opts.concurrency) {
    for (const workload of workloads) {
      const serving = targets.filter((t) => serves(t.def, workload));
      for (let round = 0; round < opts.rounds; round++) {
        for (const target of serving) {
          const pair = `${target.def.key}/${workload.key}`;
          const sample = await measureRun(target, workload, {
            connections,
            seconds: opts.seconds,
            warmupSeconds: opts.warmupSeconds,
            round,
            firstOfWorkload: !checked.has(pair),
          });
          checked.add(pair);
          samples.push(sample);
          print(progressLine(samples.length, total, target, sample));
        }
      }
    }
  }
  return samples;
}

function progressLine(done: number, total: number, target: RunningTarget, s: RunSample): string {
  const failures = s.load.non2xx + s.load.errors + s.load.graphqlErrors;
  return (
    `  [${done}/${total}] c=${s.connections} ${s.workload} round ${s.round + 1}, ` +
    `${target.def.label}: ${num(s.load.perSecond)} req/s, p99 ${num(s.load.p99Ms, 1)} ms` +
    (failures > 0 ? `, ${failures} failed` : "")
  );
}
