import { Redis } from "ioredis";
import { createCacheKeys } from "../../src/cache/cache-keys";
import { createRedisCache } from "../../src/cache/redis-cache";
import { findFreePort, startRedisServer, type TestRedisServer } from "../support/redis-server";

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

const GUARD_MS = 5000;

/** Resolves with the promise's value, or rejects if it takes longer than the hang guard. */
function withinGuard<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("hung past the guard timer")), GUARD_MS);
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

async function commandCalls(command: string): Promise<number> {
  const info = await raw.info("commandstats");
  const match = new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(info);
  return match ? Number(match[1]) : 0;
}

describe("redis cache", () => {
  it("stores keys exactly as the key module names them", async () => {
    const keys = createCacheKeys(`verbatim-${Date.now()}:`);
    const cache = await createRedisCache({ url: server.url });
    await cache.setMany([{ key: keys.card("a1"), value: "{}", ttlSeconds: 60 }]);
    expect(await raw.keys(`${keys.prefix}*`)).toEqual([keys.card("a1")]);
    expect(await raw.ttl(keys.card("a1"))).toBeGreaterThan(50);
    await cache.close();
  });

  it("clears the cached values under its namespace and nothing else", async () => {
    const keys = createCacheKeys(`clear-${Date.now()}:`);
    const cache = await createRedisCache({ url: server.url, namespace: keys.namespace });
    const cached = Array.from({ length: 2500 }, (_, i) => keys.card(`a${i}`));
    await cache.setMany(cached.map((key) => ({ key, value: "{}", ttlSeconds: 60 })));
    await raw.set(`${keys.prefix}{pop}:pending`, "kept");
    await cache.clear();
    expect(await raw.keys(`${keys.namespace}*`)).toEqual([]);
    expect(await raw.get(`${keys.prefix}{pop}:pending`)).toBe("kept");
    await cache.close();
  });

  it("reads many keys in one MGET round trip", async () => {
    const cache = await createRedisCache({ url: server.url });
    const [mgetBefore, getBefore] = [await commandCalls("mget"), await commandCalls("get")];
    await cache.getMany(["one-trip:a", "one-trip:b", "one-trip:c"]);
    expect(await commandCalls("mget")).toBe(mgetBefore + 1);
    expect(await commandCalls("get")).toBe(getBefore);
    await cache.close();
  });

  it("resolves, reports down and answers misses when Redis cannot be reached", async () => {
    const port = await findFreePort();
    const cache = await withinGuard(createRedisCache({ url: `redis://127.0.0.1:${port}` }));
    expect(cache.state()).toBe("down");
    expect(await withinGuard(cache.getMany(["a", "b"]))).toEqual([null, null]);
    await expect(
      withinGuard(cache.setMany([{ key: "a", value: "1", ttlSeconds: 9 }])),
    ).resolves.toBeUndefined();
    await expect(withinGuard(cache.delete(["a"]))).resolves.toBeUndefined();
    expect(await withinGuard(cache.increment("a"))).toBeNull();
    await withinGuard(cache.close());
  });

  it("gives misses instead of waiting on a Redis slower than the command timeout", async () => {
    const cache = await createRedisCache({ url: server.url, commandTimeoutMs: 100 });
    await raw.set("slow:a", "1");
    // Every client stalls, the raw one too, so the pause is kept short and left to expire.
    await raw.call("CLIENT", "PAUSE", "600", "ALL");
    try {
      expect(await withinGuard(cache.getMany(["slow:a"]))).toEqual([null]);
    } finally {
      await raw.call("CLIENT", "UNPAUSE");
      await cache.close();
    }
  });

  it("opens the breaker after repeated failures and then stops asking Redis", async () => {
    const warnings: string[] = [];
    const cache = await createRedisCache({
      url: server.url,
      commandTimeoutMs: 100,
      breaker: { failureThreshold: 3, coolDownMs: 60_000 },
      logger: { warn: (_obj, msg) => warnings.push(msg) },
    });
    await raw.set("breaker:a", "present");
    // Writes stall while reads still work, so a miss below can only come from the open breaker.
    await raw.call("CLIENT", "PAUSE", "10000", "WRITE");
    try {
      for (let i = 0; i < 3; i++) expect(await cache.increment("breaker:n")).toBeNull();
      expect(cache.state()).toBe("down");
      expect(await raw.get("breaker:a")).toBe("present");
      expect(await cache.getMany(["breaker:a"])).toEqual([null]);
      // The first timeout also drops the connection (it may be half-open) for a new one.
      // The new connection may already be up (reads still work): that is said too, nothing else.
      expect(warnings.slice(0, 2)).toEqual([
        "cache: no answer on an open connection, reconnecting",
        "cache: breaker open",
      ]);
      expect(warnings.slice(2).filter((w) => w !== "cache: redis connection restored")).toEqual([]);
    } finally {
      await raw.call("CLIENT", "UNPAUSE");
      await cache.close();
    }
  });

  it("closes the breaker again after the cool-down when Redis answers", async () => {
    const cache = await createRedisCache({
      url: server.url,
      commandTimeoutMs: 100,
      breaker: { failureThreshold: 1, coolDownMs: 200 },
    });
    await raw.set("recover:a", "back");
    await raw.call("CLIENT", "PAUSE", "10000", "WRITE");
    expect(await cache.increment("recover:n")).toBeNull();
    await raw.call("CLIENT", "UNPAUSE");
    expect(cache.state()).toBe("down");
    let value: string | null = null;
    for (let i = 0; i < 50 && value === null; i++) {
      await new Promise((r) => setTimeout(r, 50));
      [value] = await cache.getMany(["recover:a"]);
    }
    expect(value).toBe("back");
    expect(cache.state()).toBe("up");
    await cache.close();
  });

  it("closes promptly and reports down afterwards", async () => {
    const cache = await createRedisCache({ url: server.url });
    await withinGuard(cache.close());
    expect(cache.state()).toBe("down");
    expect(await withinGuard(cache.getMany(["a"]))).toEqual([null]);
  });
});
