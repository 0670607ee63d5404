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
    httpStatus: 200,
    error: null,
    nextCheckAt: T0 + 11 * MINUTE,
    nextCheckReason: "interval",
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
        nextCheckReason: "interval",
        leaseUntil: null,
        leaseOwner: null,
        lastFetchedAt: null,
        lastSuccessAt: null,
        lastStatus: null,
        lastHttpStatus: null,
        lastError: null,
        consecutiveFailures: 0,
        itemsSeen: 0,
        fetchCount: 0,
        notModifiedCount: 0,
        createdAt: T0,
        fullText: false,
        selectors: null,
        removedAt: null,
      });
    });

    it("updates name, url, kind and interval of a known source and keeps its fetch state", async () => {
      const store = subject.store();
      await store.upsertSources([makeSource("news")]);
      await store.recordFetch(outcome({ etag: '"v1"', siteUrl: "https://news.example/" }), null);
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

    it("keeps a cron schedule, user agent and tags, and replaces them when redeclared", async () => {
      const store = subject.store();
      const cron = makeSource("news", {
        intervalSeconds: null,
        schedule: "0 * * * *",
        userAgent: "Reader/1.0",
        tags: ["World", "Politics"],
      });
      await store.upsertSources([cron]);
      expect((await store.getSources(["news"]))[0]).toMatchObject({
        ...cron,
        nextCheckReason: "cron",
      });
      await store.upsertSources([makeSource("news", { tags: ["Tech"] })]);
      expect((await store.getSources(["news"]))[0]).toMatchObject({
        intervalSeconds: 600,
        schedule: null,
        userAgent: null,
        tags: ["Tech"],
      });
    });

    it("keeps an html source's full-text flag and CSS selectors, and replaces them when redeclared", async () => {
      const store = subject.store();
      const selectors = { item: ".card", title: "h2 a", date: "time" };
      await store.upsertSources([makeSource("news", { kind: "html", fullText: true, selectors })]);
      expect((await store.getSources(["news"]))[0]).toMatchObject({ fullText: true, selectors });
      await store.upsertSources([makeSource("news", { kind: "html" })]);
      expect((await store.getSources(["news"]))[0]).toMatchObject({
        fullText: false,
        selectors: null,
      });
    });

    it("declares a source with neither interval nor schedule as adaptive", async () => {
      await subject
        .store()
        .upsertSources([{ id: "pace", name: "P", url: "https://p.example/", kind: "rss" }]);
      expect((await subject.store().getSources(["pace"]))[0]).toMatchObject({
        intervalSeconds: null,
        schedule: null,
        userAgent: null,
        tags: [],
        nextCheckAt: T0,
        nextCheckReason: "adaptive",
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
        .recordFetch(outcome({ sourceId: "blog", nextCheckAt: T0 + 60 * MINUTE }), null);
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
      const recorded = await subject
        .store()
        .recordFetch(outcome({ nextCheckAt: T0 + 2 * MINUTE }), "w1");
      expect(recorded).toBe(true);
      const [source] = await subject.store().getSources(["news"]);
      expect(source).toMatchObject({ leaseUntil: null, leaseOwner: null });
      expect((await claim(T0 + 3 * MINUTE)).map((s) => s.id)).toEqual(["news"]);
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
