import { setTimeout as delay } from "node:timers/promises";
import Redis from "ioredis";
import { createRedisCache } from "../../src/cache/redis-cache";
import { createRedisViewCounter, viewCounterKeys } from "../../src/cache/redis-view-counter";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";

const NOW = Date.parse("2026-03-05T10:30:00Z");

/** Polls `check` (bounded: 100 tries, 100 ms apart) until it holds. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await delay(100);
  }
  return false;
}

describe("a Redis connection stranded half-open (its peer gone without a word)", () => {
  let redis: TestRedisServer;
  let proxy: FaultProxy;
  let probe: Redis;
  beforeAll(async () => {
    redis = await startRedisServer();
    proxy = await startFaultProxy({ target: { host: "127.0.0.1", port: redis.port } });
    probe = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    probe.disconnect();
    await proxy.close();
    if (redis.controllable) await redis.stop();
  });
  afterEach(() => proxy.setFault({ kind: "none" }));

  it("is dropped for a new one, and the cache serves again", async () => {
    const cache = await createRedisCache({
      url: proxy.url,
      namespace: "strand:c:",
      commandTimeoutMs: 200,
      breaker: { failureThreshold: 2, coolDownMs: 200 },
    });
    try {
      await cache.setMany([{ key: "strand:c:k", value: "v", ttlSeconds: 60 }]);
      expect(await cache.getMany(["strand:c:k"])).toEqual(["v"]);
      const accepted = proxy.stats().accepted;
      // The open connection now leads nowhere; a new one would pass.
      proxy.setFault({ kind: "strand" });
      expect(await cache.getMany(["strand:c:k"])).toEqual([null]);
      expect(await eventually(async () => (await cache.getMany(["strand:c:k"]))[0] === "v")).toBe(
        true,
      );
      expect(proxy.stats().accepted).toBeGreaterThan(accepted);
    } finally {
      await cache.close();
    }
  });

  it("is dropped by the view counter too, which counts each view once after", async () => {
    const prefix = "strand-views:";
    const counter = await createRedisViewCounter({
      url: proxy.url,
      prefix,
      commandTimeoutMs: 200,
      breaker: { failureThreshold: 2, coolDownMs: 200 },
    });
    try {
      proxy.setFault({ kind: "strand" });
      for (let i = 0; i < 10; i++) expect(await counter.record("a", `reader-${i}`, NOW)).toBe(true);
      const pending = () => probe.hget(viewCounterKeys(prefix).pending(), "a");
      expect(
        await eventually(async () => {
          await counter.pending(["a"]);
          return counter.health()?.views === 0 && (await pending()) === "10";
        }),
      ).toBe(true);
    } finally {
      await counter.close();
    }
  });
});
