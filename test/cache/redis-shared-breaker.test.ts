import { createCircuitBreaker } from "../../src/cache/circuit-breaker";
import { createRedisCache } from "../../src/cache/redis-cache";
import { createRedisRateLimiter } from "../../src/cache/redis-rate-limiter";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";

const RATE = { perMinute: 600, burst: 100 };

describe("Redis parts sharing one breaker", () => {
  let redis: TestRedisServer;
  let proxy: FaultProxy;
  beforeAll(async () => {
    redis = await startRedisServer();
    proxy = await startFaultProxy({ target: { host: "127.0.0.1", port: redis.port } });
  });
  afterAll(async () => {
    await proxy.close();
    if (redis.controllable) await redis.stop();
  });

  it("spares the cache its own timeouts once the rate limiter's have opened the breaker", async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 3, coolDownMs: 60_000 });
    const limiter = await createRedisRateLimiter({
      url: proxy.url,
      prefix: "shared:",
      commandTimeoutMs: 200,
      breaker,
    });
    const cache = await createRedisCache({ url: proxy.url, namespace: "shared:c:", breaker });
    try {
      await cache.setMany([{ key: "shared:c:k", value: "v", ttlSeconds: 60 }]);
      expect(await cache.getMany(["shared:c:k"])).toEqual(["v"]);
      expect(cache.state()).toBe("up");

      proxy.setFault({ kind: "blackhole" });
      const charges = await Promise.all(
        [1, 2, 3].map((i) => limiter.charge(`client-${i}`, 1, RATE, Date.now())),
      );
      // Refused by nobody: with Redis hung, each client is charged in this process instead.
      for (const charge of charges) expect(charge.allowed).toBe(true);
      expect(breaker.state()).toBe("open");
      // The cache sent nothing and waits for nothing: its breaker is the one just opened.
      const forwarded = proxy.stats().bytesDiscarded;
      expect(cache.state()).toBe("down");
      expect(await cache.getMany(["shared:c:k"])).toEqual([null]);
      expect(proxy.stats().bytesDiscarded).toBe(forwarded);
    } finally {
      proxy.setFault({ kind: "none" });
      await limiter.close();
      await cache.close();
    }
  });
});
