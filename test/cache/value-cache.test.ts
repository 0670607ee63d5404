import { Redis } from "ioredis";
import { createCacheKeys } from "../../src/cache/cache-keys";
import { createRedisCache } from "../../src/cache/redis-cache";
import { createEncodedValueCache, createMemoryValueCache } from "../../src/cache/value-cache";
import { cardCodec } from "../../src/cache/value-codecs";
import { toArticleCard } from "../../src/domain/article-card";
import { makeArticle } from "../store/store-backends";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";

const card = (id: string) => toArticleCard(makeArticle(id));

describe("in-process value cache", () => {
  it("hands back the very value it was given (no copy, no encoding)", async () => {
    const values = createMemoryValueCache<object>({ maxEntries: 10 });
    const value = card("a1");
    await values.set([{ key: "k", value, ttlSeconds: 60 }]);
    const [hit, miss] = await values.get(["k", "other"]);
    expect(hit).toBe(value);
    expect(miss).toBeNull();
  });

  it("weighs values and drops the least recent when over its byte budget", async () => {
    const values = createMemoryValueCache<{ text: string }>({
      maxEntries: 100,
      maxBytes: 1000,
      sizeOf: (v) => v.text.length,
    });
    for (const key of ["a", "b", "c"]) {
      await values.set([{ key, value: { text: "x".repeat(400) }, ttlSeconds: 60 }]);
    }
    expect((await values.get(["a", "b", "c"])).map((v) => v !== null)).toEqual([false, true, true]);
  });

  it("lets values expire after their TTL", async () => {
    let now = 1_000;
    const values = createMemoryValueCache<object>({ maxEntries: 10, now: () => now });
    await values.set([{ key: "k", value: {}, ttlSeconds: 5 }]);
    now += 6_000;
    expect(await values.get(["k"])).toEqual([null]);
  });
});

describe("encoded value cache over Redis", () => {
  let server: TestRedisServer;
  let raw: Redis;
  beforeAll(async () => {
    server = await startRedisServer();
    raw = new Redis(server.url);
  });
  afterAll(async () => {
    raw.disconnect();
    if (server.controllable) await server.stop();
  });

  it("reads back what it wrote, and treats a value of another shape as a miss it deletes", async () => {
    const keys = createCacheKeys(`values-${Date.now()}:`);
    const cache = await createRedisCache({ url: server.url, namespace: keys.namespace });
    const bad: string[] = [];
    const cards = createEncodedValueCache(cache, cardCodec, (key) => bad.push(key));
    await cards.set([{ key: keys.card("a1"), value: card("a1"), ttlSeconds: 60 }]);
    await raw.set(keys.card("a2"), "{not json");
    await raw.set(keys.card("a3"), JSON.stringify({ ...card("a3"), tags: "none" }));
    await raw.set(keys.card("a4"), JSON.stringify({ id: "a4" }));
    const read = await cards.get(["a1", "a2", "a3", "a4"].map(keys.card));
    expect(read[0]).toEqual(card("a1"));
    expect(read.slice(1)).toEqual([null, null, null]);
    expect(bad).toEqual(["a2", "a3", "a4"].map(keys.card));
    expect(await raw.exists(...["a2", "a3", "a4"].map(keys.card))).toBe(0);
    await cache.close();
  });
});
