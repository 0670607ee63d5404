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
const sqliteOnly = listBackends().filter((b) => b.name === "sqlite");

describe.each(sqliteOnly)("scheduler loop on $name", (backend) => {
  const ctx = useStore(backend);
  afterEach(() => jest.useRealTimers());

  function schedulerWith(
    ingest: (s: Source) => Promise<IngestReport>,
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
      leaseMs: 60_000,
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

  it("leases a pass for as many rounds as the host cap may need", async () => {
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
    expect(leaseUntil).toBe(T0 + 2 * 60_000);
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
