import { setTimeout as realDelay } from "node:timers/promises";
import type { Source } from "../../src/domain/source";
import type { IngestReport } from "../../src/ingest/ingest-report";
import { createScheduler } from "../../src/ingest/scheduler";
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

// The loop's timing is the subject here, so it runs on the in-process SQLite store: a network
// database's own timers and round trips would blur what fake time is being measured.
const sqliteOnly = listBackends().filter((b) => b.name === "sqlite");

describe.each(sqliteOnly)("scheduler loop on $name", (backend) => {
  const ctx = useStore(backend);
  afterEach(() => jest.useRealTimers());

  function schedulerWith(ingest: (s: Source) => Promise<IngestReport>, now: () => number) {
    const counted = countCalls(ctx.store());
    const errors: unknown[] = [];
    const scheduler = createScheduler({
      store: counted.proxy,
      ingest,
      owner: "test-worker",
      tickMs: 5000,
      concurrency: 2,
      leaseMs: 60_000,
      now,
      timers: { setTimeout, clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
      onError: (e) => errors.push(e),
    });
    return { scheduler, counted, errors };
  }

  it("claims due sources at start and then once per tick until stopped", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    await ctx.store().upsertSources([makeSource("one"), makeSource("two"), makeSource("three")]);
    const ingested: string[] = [];
    const ingest = async (s: Source) => {
      ingested.push(s.id);
      await ctx.store().recordFetch({
        sourceId: s.id,
        at: T0,
        ok: true,
        status: "200",
        error: null,
        nextCheckAt: T0 + 3_600_000,
      });
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
});
