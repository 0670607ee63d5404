import { createCacheKeys } from "../../src/cache/cache-keys";
import { createMemoryCache } from "../../src/cache/memory-cache";
import { createMemoryViewCounter } from "../../src/cache/memory-view-counter";
import { createRedisCache } from "../../src/cache/redis-cache";
import { createSharedFill } from "../../src/cache/shared-fill";
import { createMemoryValueCache } from "../../src/cache/value-cache";
import type { Cache } from "../../src/cache/cache";
import { createReadPath, type ReadPath } from "../../src/server/read-path";
import type { Store } from "../../src/store/store";
import { countCalls } from "../support/count-calls";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";
import {
  listBackends,
  makeArticle,
  makeSource,
  MINUTE,
  T0,
  useStore,
} from "../store/store-backends";

const INSTANCES = 5;
const PER_INSTANCE = 20;

describe("createSharedFill", () => {
  const claims = () => createMemoryCache({ maxEntries: 100 });
  const values = () => createMemoryValueCache<{ n: number }>({ maxEntries: 100 });

  it("makes a value once for callers in one process and keeps it", async () => {
    const fill = createSharedFill(values(), claims());
    let made = 0;
    const make = async () => ({ n: ++made });
    const got = await Promise.all(Array.from({ length: 50 }, () => fill("k", make, 60)));
    expect(made).toBe(1);
    expect(new Set(got).size).toBe(1);
    expect(await fill("k", make, 60)).toEqual({ n: 1 });
    expect(made).toBe(1);
  });

  it("waits for the value another instance is making instead of making it too", async () => {
    const shared = values();
    const held = claims();
    const token = await held.claim("k:fill", 5000);
    expect(typeof token).toBe("string");
    const fill = createSharedFill(shared, held, { waitMs: 5000 });
    let made = 0;
    const waiting = fill("k", async () => ({ n: ++made }), 60);
    // The other instance finishes: its value is found, nothing is made here.
    await shared.set([{ key: "k", value: { n: 42 }, ttlSeconds: 60 }]);
    expect(await waiting).toEqual({ n: 42 });
    expect(made).toBe(0);
  });

  it("makes the value itself when the filler never delivers", async () => {
    const held = claims();
    await held.claim("k:fill", 60_000);
    const fill = createSharedFill(values(), held, { waitMs: 100 });
    expect(await fill("k", async () => ({ n: 7 }), 60)).toEqual({ n: 7 });
    // Its own claim was never taken, so the stale one is still there and left alone.
    expect(await held.claim("k:fill", 1000)).toBe(false);
  });

  it("makes the value at once when no claim can be made", async () => {
    const down: Pick<Cache, "claim" | "release"> = {
      claim: async () => null,
      release: async () => undefined,
    };
    const fill = createSharedFill(values(), down, { waitMs: 60_000 });
    expect(await fill("k", async () => ({ n: 1 }), 60)).toEqual({ n: 1 });
  });

  it("releases its claim when making fails, so the next caller can make the value", async () => {
    const held = claims();
    const fill = createSharedFill(values(), held, { waitMs: 60_000 });
    await expect(fill("k", () => Promise.reject(new Error("store down")), 60)).rejects.toThrow(
      "store down",
    );
    expect(await fill("k", async () => ({ n: 2 }), 60)).toEqual({ n: 2 });
  });
});

describe.each(listBackends())("instances sharing one Redis on $name", (backend) => {
  const ctx = useStore(backend);
  let redis: TestRedisServer;
  const opened: Cache[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    if (redis.controllable) await redis.stop();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
  });

  beforeEach(async () => {
    await ctx.store().upsertSources([makeSource("news")]);
    await ctx
      .store()
      .upsertArticles(
        Array.from({ length: 30 }, (_, i) =>
          makeArticle(`a${String(i).padStart(2, "0")}`, { publishedAt: T0 + i * MINUTE }),
        ),
      );
  });

  /** `INSTANCES` read paths, each with its own Redis connection, over one counted store. */
  async function openInstances(): Promise<{ paths: ReadPath[]; calls: Map<string, number> }> {
    const counted = countCalls<Store>(ctx.store());
    const keys = createCacheKeys(`fill${Math.random().toString(36).slice(2)}:`);
    const paths: ReadPath[] = [];
    for (let i = 0; i < INSTANCES; i++) {
      const cache = await createRedisCache({ url: redis.url, namespace: keys.namespace });
      opened.push(cache);
      paths.push(
        createReadPath({
          store: counted.proxy,
          cache,
          views: createMemoryViewCounter(),
          keys,
          articleTtlSeconds: 300,
          listTtlSeconds: 60,
          now: () => T0 + 60 * MINUTE,
        }),
      );
    }
    return { paths, calls: counted.calls };
  }

  /** `PER_INSTANCE` concurrent reads of the first headline page on every instance. */
  const readEverywhere = (paths: ReadPath[]) =>
    Promise.all(
      paths.flatMap((p) =>
        Array.from({ length: PER_INSTANCE }, () => p.reads.listLatest({ filter: {}, first: 10 })),
      ),
    );

  it("loads a cold headline page once, and once again after an ingest retires the lists", async () => {
    const { paths, calls } = await openInstances();
    const pages = await readEverywhere(paths);
    expect(pages).toHaveLength(INSTANCES * PER_INSTANCE);
    for (const page of pages)
      expect(page.items.map((i) => i.id)).toEqual(pages[0].items.map((i) => i.id));
    expect(pages[0].items[0].id).toBe("a29");
    expect(calls.get("listLatest")).toBe(1);

    await paths[2].reads.invalidate([]);
    await readEverywhere(paths);
    expect(calls.get("listLatest")).toBe(2);
  });

  it("ranks HOT once across the instances", async () => {
    const { paths, calls } = await openInstances();
    const lists = await Promise.all(paths.map((p) => p.rankings.get("hot")));
    for (const list of lists) expect(list.ids).toEqual(lists[0].ids);
    expect(lists[0].ids).toHaveLength(30);
    expect(calls.get("getArticleStats")).toBe(1);
  });

  it("serves every instance from the store while Redis is down", async () => {
    const { paths, calls } = await openInstances();
    if (!redis.controllable) return;
    await redis.stop();
    try {
      const pages = await readEverywhere(paths);
      for (const page of pages) expect(page.items).toHaveLength(10);
      // No claim can be made: each instance loads once (its own flight), none waits.
      expect(calls.get("listLatest")).toBe(INSTANCES);
    } finally {
      await redis.start();
    }
  });
});
