import { setTimeout as realDelay } from "node:timers/promises";
import type { FetchOutcome, Source } from "../../src/domain/source";
import type { IngestReport } from "../../src/ingest/ingest-report";
import { createScheduler } from "../../src/ingest/scheduler";
import type { Store } from "../../src/store/store";
import { countCalls } from "../support/count-calls";
import { listBackends, makeSource, T0, useStore } from "../store/store-backends";

/**
 * Lets due timers and real database I/O run, until `done()` or a bounded number of rounds.
 * Fake timers, like Node, run a 0 ms timeout after 1 ms, so each round advances 1 ms; the real
 * pause (timers/promises is not faked) gives a PostgreSQL round trip time to complete.
 */
async function settle(done: () => boolean = () => false, rounds = 100): Promise<void> {
  for (let round = 0; round < rounds && !done(); round++) {
    await jest.advanceTimersByTimeAsync(1);
    await realDelay(5);
  }
}

function okReport(source: Source): IngestReport {
  return {
    sourceId: source.id,
    ok: true,
    status: "200",
    items: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    durationMs: 0,
    error: null,
  };
}

function recorded(source: Source): FetchOutcome {
  return {
    sourceId: source.id,
    at: T0,
    ok: true,
    status: "200",
    httpStatus: 200,
    error: null,
    nextCheckAt: T0 + 3_600_000,
    nextCheckReason: "interval",
  };
}

/** An ingest that records its source and holds until released, tracking what runs at once. */
function gatedIngest(store: () => Store) {
  const running = new Map<string, number>();
  const peaks = new Map<string, number>();
  const started: string[] = [];
  const releases: (() => void)[] = [];
  const ingest = async (source: Source) => {
    const host = new URL(source.url).hostname;
    started.push(source.id);
    running.set(host, (running.get(host) ?? 0) + 1);
    peaks.set(host, Math.max(peaks.get(host) ?? 0, running.get(host)!));
    await new Promise<void>((resolve) => releases.push(resolve));
    running.set(host, running.get(host)! - 1);
    await store().recordFetch(recorded(source), source.leaseOwner);
    return okReport(source);
  };
  const releaseAll = () => releases.splice(0).forEach((release) => release());
  return { ingest, started, peaks, releaseAll, waiting: () => releases.length };
}

/** Lets real database I/O and the ingests' continuations run. */
async function until(done: () => boolean, rounds = 200): Promise<void> {
  for (let round = 0; round < rounds && !done(); round++) await realDelay(2);
}

// The loop's timing is the subject here, so it runs on the in-process SQLite store: a network
// database's own timers and round trips would blur what fake time is being measured.
const LEASE_MS = 60_000;

const sqliteOnly = listBackends().filter((b) => b.name === "sqlite");

describe.each(sqliteOnly)("scheduler loop on $name", (backend) => {
  const ctx = useStore(backend);
  afterEach(() => jest.useRealTimers());

  function schedulerWith(
    ingest: (s: Source, lease: AbortSignal) => Promise<IngestReport>,
    now: () => number,
    caps = { concurrency: 2, hostConcurrency: 2 },
  ) {
    const counted = countCalls(ctx.store());
    const errors: unknown[] = [];
    const scheduler = createScheduler({
      store: counted.proxy,
      ingest,
      owner: "test-worker",
      tickMs: 5000,
      ...caps,
      leaseMs: LEASE_MS,
      renewMs: LEASE_MS / 3,
      now,
      timers: { setTimeout, clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
      onError: (e) => errors.push(e),
    });
    return { scheduler, counted, errors };
  }

  const onHost = (host: string, n: number) =>
    makeSource(`${host}${n}`, { url: `https://${host}.example/${n}.xml` });

  it("claims due sources at start and then once per tick until stopped", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    await ctx.store().upsertSources([makeSource("one"), makeSource("two"), makeSource("three")]);
    const ingested: string[] = [];
    const ingest = async (s: Source) => {
      ingested.push(s.id);
      await ctx.store().recordFetch(recorded(s), s.leaseOwner);
      return okReport(s);
    };
    const { scheduler, counted, errors } = schedulerWith(ingest, () => T0 + 1000);
    scheduler.start();
    // Two claimed at once (concurrency 2); a full batch means the next tick follows at once.
    const claims = () => counted.calls.get("claimDueSources");
    // Settled: the expected claims were made and the next tick is waiting on its timer.
    await settle(() => ingested.length === 3 && claims() === 2 && jest.getTimerCount() === 1);
    expect(errors).toEqual([]);
    expect(ingested.sort()).toEqual(["one", "three", "two"]);
    expect(counted.calls.get("claimDueSources")).toBe(2);
    for (let i = 0; i < 3; i++) {
      await jest.advanceTimersByTimeAsync(5000);
      await settle(() => claims() === 3 + i && jest.getTimerCount() === 1);
    }
    expect(counted.calls.get("claimDueSources")).toBe(5);
    await scheduler.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    await settle(() => false, 10);
    expect(counted.calls.get("claimDueSources")).toBe(5);
    expect(ingested).toHaveLength(3);
  });

  it("keeps ticking after a tick fails, and reports the failure", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    const store = ctx.store();
    let calls = 0;
    const original = store.claimDueSources.bind(store);
    store.claimDueSources = async (opts) => {
      calls++;
      if (calls === 1) throw new Error("database is locked");
      return original(opts);
    };
    const { scheduler, errors } = schedulerWith(
      async (s) => okReport(s),
      () => T0,
    );
    scheduler.start();
    await settle(() => errors.length === 1);
    await jest.advanceTimersByTimeAsync(5000);
    await settle(() => calls === 2);
    await scheduler.stop();
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/database is locked/);
    expect(calls).toBe(2);
  });

  it("runs at most the host cap against one host while another host's sources proceed", async () => {
    await ctx
      .store()
      .upsertSources([
        ...[1, 2, 3, 4, 5, 6].map((n) => onHost("a", n)),
        ...[1, 2].map((n) => onHost("b", n)),
      ]);
    const gated = gatedIngest(ctx.store);
    const { scheduler } = schedulerWith(gated.ingest, () => T0, {
      concurrency: 8,
      hostConcurrency: 2,
    });
    const pass = scheduler.tick();
    await until(() => gated.waiting() === 4);
    expect([...gated.started].sort()).toEqual(["a1", "a2", "b1", "b2"]);
    for (let round = 0; round < 10 && (gated.started.length < 8 || gated.waiting() > 0); round++) {
      gated.releaseAll();
      await until(() => gated.waiting() > 0 || gated.started.length === 8);
    }
    const reports = (await pass).map((r) => r.sourceId);
    expect(reports).toEqual(["a1", "a2", "a3", "a4", "a5", "a6", "b1", "b2"]);
    expect(Object.fromEntries(gated.peaks)).toEqual({ "a.example": 2, "b.example": 2 });
  });

  it("claims for one lease: queued sources are renewed while they wait", async () => {
    await ctx.store().upsertSources([onHost("a", 1)]);
    let leaseUntil: number | null = null;
    const { scheduler } = schedulerWith(
      async (s) => {
        leaseUntil = s.leaseUntil;
        return okReport(s);
      },
      () => T0,
      { concurrency: 4, hostConcurrency: 2 },
    );
    await scheduler.tick();
    expect(leaseUntil).toBe(T0 + LEASE_MS);
  });

  const leaseOf = async (id: string) => {
    const [source] = await ctx.store().getSources([id]);
    return { owner: source.leaseOwner, until: source.leaseUntil, status: source.lastStatus };
  };

  it("keeps the lease of a slow fetch across several lease periods", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"], now: T0 });
    await ctx.store().upsertSources([onHost("slow", 1)]);
    const gated = gatedIngest(ctx.store);
    const { scheduler, counted, errors } = schedulerWith(gated.ingest, () => Date.now());
    const pass = scheduler.tick();
    await until(() => gated.waiting() === 1);
    for (let beat = 1; beat <= 12; beat++) {
      // Four lease periods in all, one heartbeat at a time.
      await jest.advanceTimersByTimeAsync(LEASE_MS / 3);
      await settle(() => counted.calls.get("renewLeases") === beat);
      expect(await leaseOf("slow1")).toMatchObject({ owner: "test-worker" });
      const rival = { owner: "rival", leaseMs: LEASE_MS, limit: 5, all: true };
      expect(await ctx.store().claimDueSources({ ...rival, now: Date.now() })).toEqual([]);
    }
    expect(Date.now()).toBe(T0 + 4 * LEASE_MS);
    expect((await leaseOf("slow1")).until).toBeGreaterThan(Date.now());
    gated.releaseAll();
    expect(await pass).toMatchObject([{ sourceId: "slow1", ok: true }]);
    expect(await leaseOf("slow1")).toEqual({ owner: null, until: null, status: "200" });
    // Nothing held: no more heartbeats.
    await jest.advanceTimersByTimeAsync(LEASE_MS);
    await settle(() => false, 10);
    expect(counted.calls.get("renewLeases")).toBe(12);
    expect(errors).toEqual([]);
  });

  it("stops a source's work when a renewal finds its lease taken over", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"], now: T0 });
    await ctx.store().upsertSources([onHost("a", 1), onHost("a", 2)]);
    const gated = gatedIngest(ctx.store);
    const signals: AbortSignal[] = [];
    const { scheduler } = schedulerWith(
      (s, lease) => {
        signals.push(lease);
        return gated.ingest(s);
      },
      () => Date.now(),
    );
    const pass = scheduler.tick();
    await until(() => gated.waiting() === 2);
    // Another worker takes a1 over (as if this one had missed its renewals).
    const rival = { owner: "rival", leaseMs: LEASE_MS, limit: 1, ids: ["a1"] };
    await ctx.store().claimDueSources({ ...rival, now: T0 + LEASE_MS + 1 });
    await jest.advanceTimersByTimeAsync(LEASE_MS / 3);
    await settle(() => signals[0].aborted);
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
    gated.releaseAll();
    await pass;
    // The late record of a1 is refused: the rival's lease stands.
    expect(await leaseOf("a1")).toMatchObject({ owner: "rival", status: null });
    expect(await leaseOf("a2")).toMatchObject({ owner: null, status: "200" });
  });

  it("takes back at start the leases a previous run under the same owner left", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    await ctx.store().upsertSources([makeSource("one"), makeSource("two")]);
    // The previous process claimed both for an hour and was killed.
    const before = { owner: "test-worker", leaseMs: 3_600_000, limit: 5, now: T0 };
    expect(await ctx.store().claimDueSources(before)).toHaveLength(2);
    const ingested: string[] = [];
    const ingest = async (s: Source) => {
      ingested.push(s.id);
      await ctx.store().recordFetch(recorded(s), s.leaseOwner);
      return okReport(s);
    };
    const { scheduler, errors } = schedulerWith(ingest, () => T0 + 1000);
    scheduler.start();
    await settle(() => ingested.length === 2);
    await scheduler.stop();
    expect(errors).toEqual([]);
    expect(ingested.sort()).toEqual(["one", "two"]);
  });

  it("stops gracefully: waits for running ingests and releases what never started", async () => {
    await ctx.store().upsertSources([1, 2, 3].map((n) => onHost("a", n)));
    const gated = gatedIngest(ctx.store);
    const { scheduler, counted } = schedulerWith(gated.ingest, () => T0, {
      concurrency: 4,
      hostConcurrency: 1,
    });
    const pass = scheduler.tick();
    await until(() => gated.waiting() === 1);
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await realDelay(10);
    expect(stopped).toBe(false);
    gated.releaseAll();
    await stopping;
    expect((await pass).map((r) => r.sourceId)).toEqual(["a1"]);
    expect(gated.started).toEqual(["a1"]);
    const leases = (await ctx.store().listSources()).map((s) => [s.id, s.leaseOwner]);
    expect(leases).toEqual([
      ["a1", null],
      ["a2", null],
      ["a3", null],
    ]);
    expect(await scheduler.tick()).toEqual([]);
    expect(counted.calls.get("claimDueSources")).toBe(1);
    expect(counted.calls.get("releaseLeases")).toBe(1);
  });
});
