import type { Source } from "../domain/source";
import type { Store } from "../store/store";
import { createHostLimiter, runPerHost } from "../fetch/host-limiter";
import type { IngestReport } from "./ingest-report";

/** Polls the store for due sources and ingests them, a few at a time and a few per host. */
export interface Scheduler {
  start(): void;
  /**
   * Stops claiming, drops claimed sources that have not started, waits for the ingests under
   * way, then releases the leases this owner still holds.
   */
  stop(): Promise<void>;
  /** Runs one pass now (claims due sources, ingests them); used by the loop and by tests. */
  tick(): Promise<IngestReport[]>;
}

/** Timer functions, injectable so tests can drive the loop with fake timers. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the scheduler runs on. */
export interface SchedulerDeps {
  store: Store;
  ingest: (source: Source) => Promise<IngestReport>;
  owner: string;
  tickMs: number;
  /** Ingests running at once, and sources claimed per pass. */
  concurrency: number;
  /** Ingests running at once against one host (file: sources share one). */
  hostConcurrency: number;
  /** How long one ingest may hold its source; a pass leases for as many rounds as it may need. */
  leaseMs: number;
  now: () => number;
  timers: Timers;
  onError: (err: unknown) => void;
}

/** Creates the in-process scheduling loop; it does nothing until `start()`. */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const limiter = createHostLimiter(deps);
  // A pass of `concurrency` sources on one host runs in this many rounds under the host cap.
  const rounds = Math.ceil(deps.concurrency / Math.min(deps.hostConcurrency, deps.concurrency));
  const passes = new Set<Promise<unknown>>();
  let timer: unknown = null;
  let looping = false;
  let closed = false;

  async function pass(): Promise<IngestReport[]> {
    if (closed) return [];
    const claimed = await deps.store.claimDueSources({
      now: deps.now(),
      owner: deps.owner,
      leaseMs: deps.leaseMs * rounds,
      limit: deps.concurrency,
    });
    // Claimed while stopping: not started, so stop() releases them.
    if (closed) return [];
    return runPerHost(limiter, claimed, deps.ingest);
  }

  function tick(): Promise<IngestReport[]> {
    const running = pass();
    passes.add(running);
    void running.finally(() => passes.delete(running)).catch(() => undefined);
    return running;
  }

  function schedule(ms: number): void {
    if (looping) timer = deps.timers.setTimeout(loop, ms);
  }

  function loop(): void {
    tick()
      .then((reports) => schedule(reports.length >= deps.concurrency ? 0 : deps.tickMs))
      .catch((err) => {
        // A store hiccup must not end the loop: report it and try again next tick.
        deps.onError(err);
        schedule(deps.tickMs);
      });
  }

  async function stop(): Promise<void> {
    closed = true;
    looping = false;
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = null;
    limiter.clear();
    await Promise.allSettled([...passes]);
    await deps.store.releaseLeases(deps.owner).catch(deps.onError);
  }

  return {
    tick,
    start() {
      if (looping || closed) return;
      looping = true;
      schedule(0);
    },
    stop,
  };
}
