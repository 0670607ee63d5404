import type { FetchOutcome } from "../../src/domain/source";
import { MINUTE, T0, listBackends, makeArticle, makeSource, useStore } from "./store-backends";

const LEASE = 5 * MINUTE;

function outcome(overrides: Partial<FetchOutcome> = {}): FetchOutcome {
  return {
    sourceId: "news",
    at: T0 + MINUTE,
    ok: true,
    status: "200",
    httpStatus: 200,
    error: null,
    nextCheckAt: T0 + 11 * MINUTE,
    nextCheckReason: "interval",
    ...overrides,
  };
}

describe.each(listBackends())("store fetch records on $name", (backend) => {
  const subject = useStore(backend);

  describe("recordFetch", () => {
    beforeEach(() => subject.store().upsertSources([makeSource("news")]));

    const read = async () => (await subject.store().getSources(["news"]))[0];

    it("counts consecutive failures and resets them on success", async () => {
      const store = subject.store();
      await store.recordFetch(
        outcome({ ok: false, status: "timeout", error: "fetch: timed out" }),
        null,
      );
      await store.recordFetch(
        outcome({ ok: false, status: "503", error: "fetch: HTTP 503" }),
        null,
      );
      expect(await read()).toMatchObject({
        consecutiveFailures: 2,
        lastStatus: "503",
        lastError: "fetch: HTTP 503",
        lastSuccessAt: null,
      });
      await store.recordFetch(outcome({ at: T0 + 9 * MINUTE }), null);
      expect(await read()).toMatchObject({
        consecutiveFailures: 0,
        lastStatus: "200",
        lastError: null,
        lastFetchedAt: T0 + 9 * MINUTE,
        lastSuccessAt: T0 + 9 * MINUTE,
      });
    });

    it("keeps validators and site metadata that an outcome leaves undefined", async () => {
      const store = subject.store();
      await store.recordFetch(
        outcome({ etag: '"e1"', lastModified: "Tue, 03 Feb 2026 10:00:00 GMT", language: "en" }),
        null,
      );
      await store.recordFetch(outcome({ status: "304", httpStatus: 304 }), null);
      expect(await read()).toMatchObject({
        etag: '"e1"',
        lastModified: "Tue, 03 Feb 2026 10:00:00 GMT",
        language: "en",
        lastStatus: "304",
      });
      await store.recordFetch(outcome({ etag: null }), null);
      expect(await read()).toMatchObject({
        etag: null,
        lastModified: "Tue, 03 Feb 2026 10:00:00 GMT",
      });
    });

    it("keeps the last success time across a failure", async () => {
      const store = subject.store();
      await store.recordFetch(outcome({ at: T0 + MINUTE }), null);
      await store.recordFetch(
        outcome({ at: T0 + 2 * MINUTE, ok: false, status: "500", error: "x" }),
        null,
      );
      expect(await read()).toMatchObject({
        lastSuccessAt: T0 + MINUTE,
        lastFetchedAt: T0 + 2 * MINUTE,
      });
    });

    it("records the next check's reason, the HTTP status and the items seen", async () => {
      const store = subject.store();
      await store.recordFetch(outcome({ itemsSeen: 12, nextCheckReason: "ttl" }), null);
      expect(await read()).toMatchObject({
        itemsSeen: 12,
        lastHttpStatus: 200,
        nextCheckReason: "ttl",
      });
      const timeout = { ok: false, status: "timeout", httpStatus: null, error: "timed out" };
      await store.recordFetch(outcome({ ...timeout, nextCheckReason: "backoff" }), null);
      expect(await read()).toMatchObject({
        itemsSeen: 12,
        lastHttpStatus: null,
        nextCheckReason: "backoff",
      });
    });

    it("counts every fetch and every 304 answer over the source's lifetime", async () => {
      const store = subject.store();
      const answers = [200, 304, 304, 500, 304];
      for (const httpStatus of answers) {
        await store.recordFetch(outcome({ httpStatus, status: String(httpStatus) }), null);
      }
      expect(await read()).toMatchObject({ fetchCount: 5, notModifiedCount: 3 });
    });

    it("writes nothing for a worker whose lease another worker has taken over", async () => {
      const store = subject.store();
      const claim = { owner: "w1", leaseMs: LEASE, limit: 1 };
      await store.claimDueSources({ ...claim, now: T0 });
      const expired = T0 + LEASE + 1;
      await store.claimDueSources({ ...claim, owner: "w2", now: expired });
      const late = outcome({ ok: false, status: "timeout", error: "late", httpStatus: null });
      expect(await store.recordFetch(late, "w1")).toBe(false);
      expect(await read()).toMatchObject({ leaseOwner: "w2", fetchCount: 0, lastError: null });
      expect(await store.recordFetch(outcome(), "w2")).toBe(true);
      expect(await store.recordFetch(late, "w1")).toBe(false);
      expect(await read()).toMatchObject({ leaseOwner: null, fetchCount: 1, lastStatus: "200" });
    });

    it("still writes for the owner of an expired lease that nobody took over", async () => {
      const store = subject.store();
      await store.claimDueSources({ owner: "w1", leaseMs: LEASE, limit: 1, now: T0 });
      expect(await store.recordFetch(outcome({ at: T0 + 2 * LEASE }), "w1")).toBe(true);
      expect(await read()).toMatchObject({ leaseOwner: null, lastFetchedAt: T0 + 2 * LEASE });
    });
  });

  describe("releaseLeases", () => {
    it("frees the leases one owner holds, and only those", async () => {
      const store = subject.store();
      await store.upsertSources([makeSource("a"), makeSource("b"), makeSource("c")]);
      await store.claimDueSources({ owner: "w1", leaseMs: LEASE, limit: 2, now: T0 });
      await store.claimDueSources({ owner: "w2", leaseMs: LEASE, limit: 1, now: T0 });
      expect(await store.releaseLeases("w1")).toBe(2);
      expect(await store.releaseLeases("w1")).toBe(0);
      const owners = (await store.listSources()).map((s) => [s.id, s.leaseOwner]);
      expect(owners).toEqual([
        ["a", null],
        ["b", null],
        ["c", "w2"],
      ]);
      const again = await store.claimDueSources({ owner: "w3", leaseMs: LEASE, limit: 5, now: T0 });
      expect(again.map((s) => s.id)).toEqual(["a", "b"]);
    });
  });

  describe("renewLeases", () => {
    const leases = async () =>
      (await subject.store().listSources()).map((s) => [s.id, s.leaseOwner, s.leaseUntil]);

    it("extends the leases its owner holds and resolves their ids", async () => {
      const store = subject.store();
      await store.upsertSources([makeSource("a"), makeSource("b"), makeSource("c")]);
      await store.claimDueSources({ owner: "w1", leaseMs: LEASE, limit: 2, now: T0 });
      const until = T0 + 3 * LEASE;
      expect((await store.renewLeases("w1", ["a", "b"], until)).sort()).toEqual(["a", "b"]);
      expect(await leases()).toEqual([
        ["a", "w1", until],
        ["b", "w1", until],
        ["c", null, null],
      ]);
      // An extended lease is not free to claim before it runs out.
      const claim = { owner: "w2", leaseMs: LEASE, limit: 5 };
      const taken = await store.claimDueSources({ ...claim, now: T0 + 2 * LEASE });
      expect(taken.map((s) => s.id)).toEqual(["c"]);
    });

    it("leaves a lease another owner took over, or one recorded, as it is", async () => {
      const store = subject.store();
      await store.upsertSources([makeSource("news"), makeSource("b")]);
      await store.claimDueSources({ owner: "w1", leaseMs: LEASE, limit: 2, now: T0 });
      const expired = T0 + LEASE + 1;
      const takeOver = { owner: "w2", leaseMs: LEASE, limit: 1, ids: ["news"] };
      await store.claimDueSources({ ...takeOver, now: expired });
      expect(await store.recordFetch(outcome({ sourceId: "b" }), "w1")).toBe(true);
      expect(await store.renewLeases("w1", ["news", "b"], T0 + 9 * LEASE)).toEqual([]);
      expect(await leases()).toEqual([
        ["b", null, null],
        ["news", "w2", expired + LEASE],
      ]);
      expect(await store.renewLeases("w1", [], T0 + 9 * LEASE)).toEqual([]);
    });
  });

  describe("listRecentPublishTimes", () => {
    it("returns a source's newest publish times first, up to the limit", async () => {
      const store = subject.store();
      await store.upsertSources([makeSource("news"), makeSource("wire")]);
      await store.upsertArticles([
        ...[3, 1, 4, 2].map((m) => makeArticle(`n${m}`, { publishedAt: T0 + m * MINUTE })),
        makeArticle("w1", { sourceId: "wire", publishedAt: T0 + 9 * MINUTE }),
      ]);
      expect(await store.listRecentPublishTimes("news", 3)).toEqual([
        T0 + 4 * MINUTE,
        T0 + 3 * MINUTE,
        T0 + 2 * MINUTE,
      ]);
      expect(await store.listRecentPublishTimes("ghost", 3)).toEqual([]);
    });
  });
});
