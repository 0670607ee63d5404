import type { Source } from "../domain/source";
import type { Store } from "../store/store";
import { createHostLimiter, runPerHost } from "../fetch/host-limiter";
import { type IngestReport, LEASE_LOST_STATUS } from "./ingest-report";

/**
 * Polls the store for due sources and ingests them, a few at a time and a few per host. While
 * it holds sources (claimed, queued or being ingested) it renews their leases every `renewMs`,
 * so a lease can be short and still outlast a slow fetch; a worker that dies stops renewing and
 * its sources are free again within one lease.
 */
export interface Scheduler {
  /** Frees the leases a previous run under the same owner left behind, then starts the loop. */
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
  /** Ingests a source; `lease` aborts when another owner took the source's lease over. */
  ingest: (source: Source, lease: AbortSignal) => Promise<IngestReport>;
  /** Who holds the leases: stable across restarts, so a restarted worker frees its own. */
  owner: string;
  tickMs: number;
  /** Ingests running at once, and sources claimed per pass. */
  concurrency: number;
  /** Ingests running at once against one host (file: sources share one). */
  hostConcurrency: number;
  /** How long a claim or a renewal holds a source. */
  leaseMs: number;
  /** How often held leases are renewed (the heartbeat); well under `leaseMs`. */
  renewMs: number;
  now: () => number;
  timers: Timers;
  onError: (err: unknown) => void;
}

/** Creates the in-process scheduling loop; it does nothing until `start()`. */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const limiter = createHostLimiter(deps);
  const passes = new Set<Promise<unknown>>();
  // Sources claimed and not yet done, by id, each with what aborts its ingest.
  const held = new Map<string, AbortController>();
  let heartbeat: unknown = null;
  let timer: unknown = null;
  let looping = false;
  let closed = false;
  let reclaimed: Promise<unknown> | null = null;

  async function renew(): Promise<void> {
    heartbeat = null;
    const ids = [...held.keys()];
    if (ids.length === 0) return;
    try {
      const kept = new Set(
        await deps.store.renewLeases(deps.owner, ids, deps.now() + deps.leaseMs),
      );
      // Taken over (this worker was too slow to renew): its work must not be recorded here.
      for (const id of ids) if (!kept.has(id)) held.get(id)?.abort();
    } catch (err) {
      // The next beat tries again; a lease runs for three beats.
      deps.onError(err);
    }
    armHeartbeat();
  }

  function armHeartbeat(): void {
    if (heartbeat === null && held.size > 0) {
      heartbeat = deps.timers.setTimeout(() => void renew(), deps.renewMs);
    }
  }

  function disarmHeartbeat(): void {
    if (heartbeat !== null) deps.timers.clearTimeout(heartbeat);
    heartbeat = null;
  }

  async function ingestHeld(source: Source): Promise<IngestReport> {
    const lease = held.get(source.id) ?? new AbortController();
    try {
      if (lease.signal.aborted) return leaseLostReport(source);
      return await deps.ingest(source, lease.signal);
    } finally {
      held.delete(source.id);
    }
  }

  async function pass(): Promise<IngestReport[]> {
    if (closed) return [];
    const claimed = await deps.store.claimDueSources({
      now: deps.now(),
      owner: deps.owner,
      leaseMs: deps.leaseMs,
      limit: deps.concurrency,
    });
    // Claimed while stopping: not started, so stop() releases them.
    if (closed) return [];
    for (const source of claimed) held.set(source.id, new AbortController());
    armHeartbeat();
    try {
      return await runPerHost(limiter, claimed, ingestHeld);
    } finally {
      // Dropped unstarted by stop(): no longer renewed, and stop() releases them.
      for (const source of claimed) held.delete(source.id);
      if (held.size === 0) disarmHeartbeat();
    }
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
    // First of all, the leases a previous run of this owner held (it died or was killed) are
    // freed, so they are claimed at once rather than after they run out.
    reclaimed ??= deps.store.releaseLeases(deps.owner);
    reclaimed
      .then(tick)
      .then((reports) => schedule(reports.length >= deps.concurrency ? 0 : deps.tickMs))
      .catch((err) => {
        // A store hiccup must not end the loop: report it and try again next tick.
        deps.onError(err);
        reclaimed = null;
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
    disarmHeartbeat();
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

function leaseLostReport(source: Source): IngestReport {
  return {
    sourceId: source.id,
    ok: false,
    status: LEASE_LOST_STATUS,
    items: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    durationMs: 0,
    error: "lease taken over by another worker",
  };
}
