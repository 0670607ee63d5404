import type { FetchOutcome } from "../../src/domain/source";
import { createStore } from "../../src/store/create-store";
import { MINUTE, T0, listBackends, makeSource, useStore } from "./store-backends";

const LEASE = 5 * MINUTE;

function outcome(overrides: Partial<FetchOutcome> = {}): FetchOutcome {
  return {
    sourceId: "news",
    at: T0 + MINUTE,
    ok: true,
    status: "200",
    error: null,
    nextCheckAt: T0 + 11 * MINUTE,
    ...overrides,
  };
}

describe.each(listBackends())("store sources on $name", (backend) => {
  const subject = useStore(backend);

  describe("upsertSources", () => {
    it("adds new sources due at once with no fetch history", async () => {
      await subject
        .store()
        .upsertSources([makeSource("news"), makeSource("blog", { kind: "atom" })]);
      const sources = await subject.store().listSources();
      expect(sources.map((s) => s.id)).toEqual(["blog", "news"]);
      expect(sources[1]).toEqual({
        ...makeSource("news"),
        siteUrl: null,
        language: null,
        etag: null,
        lastModified: null,
        nextCheckAt: T0,
        leaseUntil: null,
        leaseOwner: null,
        lastFetchedAt: null,
        lastSuccessAt: null,
        lastStatus: null,
        lastError: null,
        consecutiveFailures: 0,
        createdAt: T0,
      });
    });

    it("updates name, url, kind and interval of a known source and keeps its fetch state", async () => {
      const store = subject.store();
      await store.upsertSources([makeSource("news")]);
      await store.recordFetch(outcome({ etag: '"v1"', siteUrl: "https://news.example/" }));
      subject.setNow(T0 + 30 * MINUTE);
      const changed = makeSource("news", {
        name: "News",
        url: "https://news.example/atom",
        kind: "atom",
        intervalSeconds: 60,
      });
      await store.upsertSources([changed]);
      const [source] = await store.getSources(["news"]);
      expect(source).toMatchObject({
        ...changed,
        etag: '"v1"',
        siteUrl: "https://news.example/",
        nextCheckAt: T0 + 11 * MINUTE,
        lastSuccessAt: T0 + MINUTE,
        createdAt: T0,
      });
    });

    it("takes the last definition of a source listed twice", async () => {
      await subject
        .store()
        .upsertSources([makeSource("news"), makeSource("news", { name: "Second" })]);
      expect((await subject.store().listSources()).map((s) => s.name)).toEqual(["Second"]);
    });

    it("returns only the sources asked for, ignoring unknown ids", async () => {
      await subject.store().upsertSources([makeSource("a"), makeSource("b"), makeSource("c")]);
      const found = await subject.store().getSources(["c", "a", "zzz"]);
      expect(found.map((s) => s.id).sort()).toEqual(["a", "c"]);
      expect(await subject.store().getSources([])).toEqual([]);
    });
  });

  describe("claimDueSources", () => {
    beforeEach(async () => {
      await subject.store().upsertSources([makeSource("news"), makeSource("blog")]);
      await subject
        .store()
        .recordFetch(outcome({ sourceId: "blog", nextCheckAt: T0 + 60 * MINUTE }));
    });

    const claim = (now: number, extra: Record<string, unknown> = {}) =>
      subject.store().claimDueSources({ now, owner: "w1", leaseMs: LEASE, limit: 10, ...extra });

    it("claims only due sources and leases them to the owner", async () => {
      const claimed = await claim(T0 + 2 * MINUTE);
      expect(claimed.map((s) => s.id)).toEqual(["news"]);
      expect(claimed[0]).toMatchObject({ leaseOwner: "w1", leaseUntil: T0 + 2 * MINUTE + LEASE });
    });

    it("gives nothing to a second claim inside the lease window", async () => {
      await claim(T0 + 2 * MINUTE);
      const second = await subject.store().claimDueSources({
        now: T0 + 3 * MINUTE,
        owner: "w2",
        leaseMs: LEASE,
        limit: 10,
      });
      expect(second).toEqual([]);
    });

    it("re-claims a source whose lease expired", async () => {
      await claim(T0 + 2 * MINUTE);
      const later = T0 + 2 * MINUTE + LEASE + 1;
      const again = await subject.store().claimDueSources({
        now: later,
        owner: "w2",
        leaseMs: LEASE,
        limit: 10,
      });
      expect(again.map((s) => [s.id, s.leaseOwner])).toEqual([["news", "w2"]]);
    });

    it("orders claims by next check and stops at the limit", async () => {
      const order = await claim(T0 + 61 * MINUTE, { limit: 1 });
      expect(order.map((s) => s.id)).toEqual(["news"]);
      const rest = await claim(T0 + 61 * MINUTE);
      expect(rest.map((s) => s.id)).toEqual(["blog"]);
    });

    it("claims sources that are not yet due with `all`, but not leased ones", async () => {
      await claim(T0 + 2 * MINUTE);
      const all = await claim(T0 + 3 * MINUTE, { all: true });
      expect(all.map((s) => s.id)).toEqual(["blog"]);
    });

    it("claims exactly the given ids, due or not", async () => {
      const picked = await claim(T0 + 2 * MINUTE, { ids: ["blog"] });
      expect(picked.map((s) => s.id)).toEqual(["blog"]);
      expect(await claim(T0 + 2 * MINUTE, { ids: [] })).toEqual([]);
    });

    it("releases the lease when a fetch is recorded", async () => {
      await claim(T0 + 2 * MINUTE);
      await subject.store().recordFetch(outcome({ nextCheckAt: T0 + 2 * MINUTE }));
      const [source] = await subject.store().getSources(["news"]);
      expect(source).toMatchObject({ leaseUntil: null, leaseOwner: null });
      expect((await claim(T0 + 3 * MINUTE)).map((s) => s.id)).toEqual(["news"]);
    });
  });

  describe("recordFetch", () => {
    beforeEach(() => subject.store().upsertSources([makeSource("news")]));

    const read = async () => (await subject.store().getSources(["news"]))[0];

    it("counts consecutive failures and resets them on success", async () => {
      const store = subject.store();
      await store.recordFetch(outcome({ ok: false, status: "timeout", error: "fetch: timed out" }));
      await store.recordFetch(outcome({ ok: false, status: "503", error: "fetch: HTTP 503" }));
      expect(await read()).toMatchObject({
        consecutiveFailures: 2,
        lastStatus: "503",
        lastError: "fetch: HTTP 503",
        lastSuccessAt: null,
      });
      await store.recordFetch(outcome({ at: T0 + 9 * MINUTE }));
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
      );
      await store.recordFetch(outcome({ status: "304" }));
      expect(await read()).toMatchObject({
        etag: '"e1"',
        lastModified: "Tue, 03 Feb 2026 10:00:00 GMT",
        language: "en",
        lastStatus: "304",
      });
      await store.recordFetch(outcome({ etag: null }));
      expect(await read()).toMatchObject({
        etag: null,
        lastModified: "Tue, 03 Feb 2026 10:00:00 GMT",
      });
    });

    it("keeps the last success time across a failure", async () => {
      const store = subject.store();
      await store.recordFetch(outcome({ at: T0 + MINUTE }));
      await store.recordFetch(
        outcome({ at: T0 + 2 * MINUTE, ok: false, status: "500", error: "x" }),
      );
      expect(await read()).toMatchObject({
        lastSuccessAt: T0 + MINUTE,
        lastFetchedAt: T0 + 2 * MINUTE,
      });
    });
  });

  if (backend.name === "postgres") {
    it("never hands the same source to two concurrent claims", async () => {
      const ids = Array.from({ length: 40 }, (_, i) => `s${String(i).padStart(2, "0")}`);
      await subject.store().upsertSources(ids.map((id) => makeSource(id)));
      const other = await createStore(subject.url());
      try {
        const claims = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 === 0 ? subject.store() : other).claimDueSources({
              now: T0 + MINUTE,
              owner: `w${i}`,
              leaseMs: LEASE,
              limit: 7,
            }),
          ),
        );
        const claimed = claims.flat().map((s) => s.id);
        expect(new Set(claimed).size).toBe(claimed.length);
        expect(claimed.length).toBe(ids.length);
      } finally {
        await other.close();
      }
    });
  }
});
