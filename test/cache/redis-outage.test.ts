import type { Cache } from "../../src/cache/cache";
import { createRedisCache } from "../../src/cache/redis-cache";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";

const GUARD_MS = 5000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves with the promise's value, or rejects if it takes longer than the hang guard. */
function withinGuard<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("hung past the guard timer")), GUARD_MS);
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

let server: TestRedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  if (server.controllable) await server.stop();
});

describe("redis cache during an outage", () => {
  let cache: Cache;
  const warnings: string[] = [];

  beforeAll(async () => {
    cache = await createRedisCache({
      url: server.url,
      commandTimeoutMs: 200,
      maxReconnectDelayMs: 200,
      breaker: { failureThreshold: 3, coolDownMs: 300 },
      logger: { warn: (_obj, msg) => warnings.push(msg) },
    });
  });
  afterAll(async () => {
    await cache?.close();
  });

  // stop()/start() need a private redis-server; with only REDIS_URL these are skipped.
  const itControllable = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      if (!server.controllable) return;
      await fn();
    });

  itControllable("works before the outage", async () => {
    await cache.setMany([{ key: "outage:a", value: "1", ttlSeconds: 60 }]);
    expect(await cache.getMany(["outage:a"])).toEqual(["1"]);
    expect(cache.state()).toBe("up");
  });

  itControllable("answers every call quickly with a miss while Redis is stopped", async () => {
    await server.stop();
    for (let i = 0; i < 20; i++) {
      expect(await withinGuard(cache.getMany(["outage:a", "outage:b"]))).toEqual([null, null]);
      await expect(
        withinGuard(cache.setMany([{ key: "outage:c", value: "x", ttlSeconds: 60 }])),
      ).resolves.toBeUndefined();
      await expect(withinGuard(cache.delete(["outage:a"]))).resolves.toBeUndefined();
      expect(await withinGuard(cache.increment("outage:n"))).toBeNull();
      // Spread the calls over several reconnect attempts and breaker cool-downs.
      await sleep(50);
    }
    expect(cache.state()).toBe("down");
  });

  itControllable("logs the outage once, not once per call", async () => {
    // The two notices race (socket close vs. failed calls); each must appear exactly once.
    expect([...warnings].sort()).toEqual(["cache: breaker open", "cache: redis connection lost"]);
  });

  itControllable("recovers by itself once Redis is back", async () => {
    await server.start();
    for (let i = 0; i < 100 && cache.state() !== "up"; i++) {
      await sleep(50);
    }
    expect(cache.state()).toBe("up");
    await cache.setMany([{ key: "outage:d", value: "again", ttlSeconds: 60 }]);
    expect(await cache.getMany(["outage:d"])).toEqual(["again"]);
    expect(warnings.slice(2)).toEqual([
      "cache: redis connection restored",
      "cache: breaker closed",
    ]);
  });
});
