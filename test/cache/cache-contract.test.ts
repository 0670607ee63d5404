import type { Cache } from "../../src/cache/cache";
import { createCacheKeys } from "../../src/cache/cache-keys";
import { createMemoryCache } from "../../src/cache/memory-cache";
import { createRedisCache } from "../../src/cache/redis-cache";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";

/** One adapter under test plus a way to let time pass for its TTLs. */
interface Subject {
  cache: Cache;
  passTime(ms: number): Promise<void>;
}

let redis: TestRedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  if (redis.controllable) await redis.stop();
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const adapters: [string, () => Promise<Subject>][] = [
  [
    "memory",
    async () => {
      let now = 1_000_000;
      const cache = createMemoryCache({ maxEntries: 10_000, now: () => now });
      return { cache, passTime: async (ms) => void (now += ms) };
    },
  ],
  [
    "redis",
    // A generous timeout: this suite is about behaviour, and a loaded machine must not fail it.
    async () => ({
      cache: await createRedisCache({ url: redis.url, commandTimeoutMs: 5000 }),
      passTime: sleep,
    }),
  ],
];

let run = 0;

describe.each(adapters)("%s cache", (_name, create) => {
  let subject: Subject;
  let cache: Cache;
  // Unique keys per test keep the shared Redis server free of cross-test state.
  let key: (name: string) => string;

  beforeEach(async () => {
    subject = await create();
    cache = subject.cache;
    const scope = `contract:${Date.now()}:${run++}:`;
    key = (name) => scope + name;
  });
  afterEach(async () => {
    await cache.close();
  });

  it("returns null for keys it has never seen", async () => {
    expect(await cache.getMany([key("a"), key("b")])).toEqual([null, null]);
  });

  it("returns stored values in the order the keys were asked for", async () => {
    await cache.setMany([
      { key: key("a"), value: "1", ttlSeconds: 60 },
      { key: key("b"), value: "2", ttlSeconds: 60 },
    ]);
    expect(await cache.getMany([key("b"), key("missing"), key("a")])).toEqual(["2", null, "1"]);
  });

  it("answers an empty key list with an empty list", async () => {
    expect(await cache.getMany([])).toEqual([]);
    await expect(cache.setMany([])).resolves.toBeUndefined();
    await expect(cache.delete([])).resolves.toBeUndefined();
  });

  it("overwrites a value that is set again", async () => {
    await cache.setMany([{ key: key("a"), value: "old", ttlSeconds: 60 }]);
    await cache.setMany([{ key: key("a"), value: "new", ttlSeconds: 60 }]);
    expect(await cache.getMany([key("a")])).toEqual(["new"]);
  });

  it("keeps an entry until its TTL passes, then forgets it", async () => {
    await cache.setMany([
      { key: key("short"), value: "x", ttlSeconds: 1 },
      { key: key("long"), value: "y", ttlSeconds: 60 },
    ]);
    expect(await cache.getMany([key("short")])).toEqual(["x"]);
    await subject.passTime(1100);
    expect(await cache.getMany([key("short"), key("long")])).toEqual([null, "y"]);
  });

  it("stores nothing for a TTL that is not positive", async () => {
    await cache.setMany([{ key: key("a"), value: "x", ttlSeconds: 0 }]);
    expect(await cache.getMany([key("a")])).toEqual([null]);
  });

  it("deletes the given keys and leaves the others", async () => {
    await cache.setMany(
      ["a", "b", "c"].map((name) => ({ key: key(name), value: name, ttlSeconds: 60 })),
    );
    await cache.delete([key("a"), key("c"), key("never-set")]);
    expect(await cache.getMany([key("a"), key("b"), key("c")])).toEqual([null, "b", null]);
  });

  it("increments a counter from zero", async () => {
    expect(await cache.increment(key("n"))).toBe(1);
    expect(await cache.increment(key("n"))).toBe(2);
    expect(await cache.getMany([key("n")])).toEqual(["2"]);
  });

  it("counts 1000 concurrent increments exactly once each", async () => {
    const results = await Promise.all(
      Array.from({ length: 1000 }, () => cache.increment(key("burst"))),
    );
    expect(await cache.getMany([key("burst")])).toEqual(["1000"]);
    expect(new Set(results).size).toBe(1000);
    expect(Math.max(...results.map(Number))).toBe(1000);
  });

  it("refuses to increment a value that is not an integer", async () => {
    await cache.setMany([{ key: key("text"), value: "hello", ttlSeconds: 60 }]);
    expect(await cache.increment(key("text"))).toBeNull();
    expect(await cache.getMany([key("text")])).toEqual(["hello"]);
  });

  it("keeps the same article apart under two key prefixes", async () => {
    const [blue, green] = [createCacheKeys(key("blue:")), createCacheKeys(key("green:"))];
    await cache.setMany([
      { key: blue.card("a1"), value: "blue", ttlSeconds: 60 },
      { key: green.card("a1"), value: "green", ttlSeconds: 60 },
    ]);
    await cache.delete([green.card("a1")]);
    expect(await cache.getMany([blue.card("a1"), green.card("a1")])).toEqual(["blue", null]);
  });

  it("forgets every cached value when cleared", async () => {
    const keys = createCacheKeys();
    await cache.setMany([
      { key: keys.card(key("a")), value: "1", ttlSeconds: 60 },
      { key: keys.generation("articles"), value: "7", ttlSeconds: 60 },
    ]);
    await cache.clear();
    expect(await cache.getMany([keys.card(key("a")), keys.generation("articles")])).toEqual([
      null,
      null,
    ]);
  });

  it("reports its state for /readyz", () => {
    expect(cache.state()).toBe(cache.kind === "memory" ? "memory" : "up");
  });
});
