import { createMemoryViewCounter } from "../../src/cache/memory-view-counter";
import { createRedisViewCounter } from "../../src/cache/redis-view-counter";
import type { ViewCounter } from "../../src/cache/view-counter";
import { flushViewCounts } from "../../src/cache/flush-view-counts";
import { createMemoryGenerations } from "../../src/cache/generations";
import { createStore } from "../../src/store/create-store";
import { makeArticle, makeSource } from "../store/store-backends";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";
import { holdSqliteLock } from "../support/hold-sqlite-lock";
import { testConfig } from "../support/test-config";

const NOW = Date.parse("2026-03-05T10:30:00Z");
const HOUR = 3600_000;

interface Setup {
  name: string;
  /** `connections` counters over one shared tally (several Redis connections, or one process). */
  open(connections: number): Promise<{ counters: ViewCounter[]; close(): Promise<void> }>;
}

let redis: TestRedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  if (redis.controllable) await redis.stop();
});

const setups: Setup[] = [
  {
    name: "in-process",
    open: async () => {
      const counter = createMemoryViewCounter();
      return { counters: [counter], close: () => counter.close() };
    },
  },
  {
    name: "Redis",
    open: async (connections) => {
      const prefix = `views${Math.random().toString(36).slice(2)}:`;
      const counters = await Promise.all(
        Array.from({ length: connections }, () =>
          // These tests are about exact counting; a burst of 3,000 on a busy machine may outlast
          // the default timeout (then the views are replayed: redis-view-outage.test.ts).
          createRedisViewCounter({ url: redis.url, prefix, commandTimeoutMs: 10_000 }),
        ),
      );
      return {
        counters,
        close: async () => void (await Promise.all(counters.map((c) => c.close()))),
      };
    },
  },
];

describe.each(setups)("view counter ($name)", (setup) => {
  it("counts thousands of concurrent views exactly, in Redis and, after a flush, in the store", async () => {
    const { counters, close } = await setup.open(4);
    const config = testConfig();
    const store = await createStore(config.databaseUrl);
    try {
      await store.upsertSources([makeSource("news")]);
      await store.upsertArticles([makeArticle("a"), makeArticle("b"), makeArticle("c")]);
      const views = Array.from({ length: 3000 }, (_, i) => ({
        id: "abc"[i % 3],
        client: `client-${i}`,
      }));
      const results = await Promise.all(
        views.map((v, i) => counters[i % counters.length].record(v.id, v.client, NOW)),
      );
      expect(results.every(Boolean)).toBe(true);
      const counter = counters[0];
      const expected = new Map([
        ["a", 1000],
        ["b", 1000],
        ["c", 1000],
      ]);
      expect(await counter.viewsInWindow(["a", "b", "c"], "day", NOW)).toEqual(expected);
      expect(await counter.pending(["a", "b", "c"])).toEqual(expected);
      const generations = createMemoryGenerations();
      expect(await flushViewCounts(counter, store, generations)).toBe(3);
      expect((await generations.current()).views).toBe(1);
      const stats = await store.getArticleStats(["a", "b", "c"]);
      expect([...stats].map(([id, s]) => [id, s.views]).sort()).toEqual([
        ["a", 1000],
        ["b", 1000],
        ["c", 1000],
      ]);
      expect(await counter.pending(["a"])).toEqual(new Map());
      await counter.record("a", "late", NOW);
      await flushViewCounts(counter, store, generations);
      expect((await store.getArticleStats(["a"])).get("a")?.views).toBe(1001);
      expect(await flushViewCounts(counter, store, generations)).toBe(0);
      expect((await generations.current()).views).toBe(2);
    } finally {
      await store.close();
      await close();
    }
  }, 60_000);

  it("keeps the views of a flush the store could not take (write lock held elsewhere) for the next", async () => {
    const { counters, close } = await setup.open(1);
    const [counter] = counters;
    const config = testConfig();
    const path = config.databaseUrl.slice("sqlite:".length);
    const store = await createStore(config.databaseUrl, { busyDeadlineMs: 200 });
    try {
      await store.upsertSources([makeSource("news")]);
      await store.upsertArticles([makeArticle("a"), makeArticle("b")]);
      for (let i = 0; i < 5; i++) await counter.record(i % 2 ? "b" : "a", `reader-${i}`, NOW);
      const generations = createMemoryGenerations();
      const lock = await holdSqliteLock(path);
      try {
        await expect(flushViewCounts(counter, store, generations)).rejects.toThrow();
        // Still pending: the totals a reader sees have not dropped.
        expect(await counter.pending(["a", "b"])).toEqual(
          new Map([
            ["a", 3],
            ["b", 2],
          ]),
        );
      } finally {
        await lock.release();
      }
      expect(await flushViewCounts(counter, store, generations)).toBe(2);
      const stats = await store.getArticleStats(["a", "b"]);
      expect([stats.get("a")?.views, stats.get("b")?.views]).toEqual([3, 2]);
      expect(await counter.pending(["a", "b"])).toEqual(new Map());
    } finally {
      await store.close();
      await close();
    }
  });

  it("counts a client once per article, and at most 120 views a minute", async () => {
    const { counters, close } = await setup.open(1);
    const [counter] = counters;
    try {
      expect(await counter.record("a", "reader", NOW)).toBe(true);
      expect(await counter.record("a", "reader", NOW)).toBe(false);
      expect(await counter.record("b", "reader", NOW)).toBe(true);
      const many = await Promise.all(
        Array.from({ length: 200 }, (_, i) => counter.record(`x${i}`, "scraper", NOW)),
      );
      expect(many.filter(Boolean)).toHaveLength(120);
    } finally {
      await close();
    }
  });

  it("slides the hour window, ranks the top and forgets views older than a week", async () => {
    const { counters, close } = await setup.open(1);
    const [counter] = counters;
    try {
      for (let i = 0; i < 4; i++) await counter.record("old", `c${i}`, NOW - HOUR);
      for (let i = 0; i < 2; i++) await counter.record("new", `c${i}`, NOW);
      await counter.record("stale", "c0", NOW - 8 * 24 * HOUR);
      // Half of the previous hour is still inside the last hour at 10:30.
      expect(await counter.viewsInWindow(["old", "new"], "hour", NOW)).toEqual(
        new Map([
          ["old", 2],
          ["new", 2],
        ]),
      );
      expect(await counter.top("day", NOW, 10)).toEqual([
        { id: "old", views: 4 },
        { id: "new", views: 2 },
      ]);
      expect(await counter.viewsInWindow(["stale"], "week", NOW)).toEqual(new Map());
    } finally {
      await close();
    }
  });
});
