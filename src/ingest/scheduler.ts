import type { Source } from "../domain/source";
import type { Store } from "../store/store";
import type { IngestReport } from "./ingest-report";
import { runPool } from "./run-pool";

/** Polls the store for due sources and ingests them, a few at a time. */
export interface Scheduler {
  start(): void;
  /** Stops claiming new work and waits for the ingests under way. */
  stop(): Promise<void>;
  /** Runs one pass now (claims due sources, ingests them); used by the loop and by tests. */
  tick(): Promise<IngestReport[]>;
}

/** Timer functions, injectable so tests can drive the loop with fake timers. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Creates the in-process scheduling loop; it does nothing until `start()`. */
export function createScheduler(deps: {
  store: Store;
  ingest: (source: Source) => Promise<IngestReport>;
  owner: string;
  tickMs: number;
  concurrency: number;
  leaseMs: number;
  now: () => number;
  timers: Timers;
  onError: (err: unknown) => void;
}): Scheduler {
  let timer: unknown = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;

  async function tick(): Promise<IngestReport[]> {
    const claimed = await deps.store.claimDueSources({
      now: deps.now(),
      owner: deps.owner,
      leaseMs: deps.leaseMs,
      limit: deps.concurrency,
    });
    return runPool(claimed, deps.concurrency, deps.ingest);
  }

  function schedule(ms: number): void {
    if (stopped) return;
    timer = deps.timers.setTimeout(loop, ms);
  }

  function loop(): void {
    running = tick()
      .then((reports) => schedule(reports.length >= deps.concurrency ? 0 : deps.tickMs))
      .catch((err) => {
        // A store hiccup must not end the loop: report it and try again next tick.
        deps.onError(err);
        schedule(deps.tickMs);
      });
  }

  return {
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer !== null) deps.timers.clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
