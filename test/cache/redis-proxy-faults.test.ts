import { setTimeout as delay } from "node:timers/promises";
import type { Cache } from "../../src/cache/cache";
import { createRedisCache } from "../../src/cache/redis-cache";
import { createRedisViewCounter } from "../../src/cache/redis-view-counter";
import type { ViewCounter } from "../../src/cache/view-counter";
import {
  startFaultProxy,
  type Fault,
  type FaultProxy,
  type FaultProxyStats,
} from "../support/fault-proxy";
import { countedInRedis as countedInRedisAt } from "../support/redis-probe";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";

const NOW = Date.parse("2026-03-05T10:30:00Z");

// What every call must settle within while a fault lasts. The guarantee comes from timeouts (a
// 200 ms command timeout, then the open breaker answers at once), so the bound is generous: it
// tells "settled by a timeout" from "waited for Redis", never measures speed.
const SETTLE_BOUND_MS = 2000;

let redis: TestRedisServer;
let proxy: FaultProxy;
beforeAll(async () => {
  redis = await startRedisServer();
  proxy = await startFaultProxy({ target: { host: "127.0.0.1", port: redis.port } });
});
afterAll(async () => {
  await proxy?.close();
  if (redis?.controllable) await redis.stop();
});

/** Views per article in Redis: the pending tally, checked against the hour bucket. */
const countedInRedis = (prefix: string) => countedInRedisAt(redis.url, prefix, NOW);

/** The call's value if it settled within the bound, else "unsettled"; a rejection propagates. */
async function withinBound<T>(call: Promise<T>): Promise<T | "unsettled"> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<"unsettled">((resolve) => {
    timer = setTimeout(() => resolve("unsettled"), SETTLE_BOUND_MS);
  });
  try {
    return await Promise.race([call, bound]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls (bounded) until `check` holds; `poke` sends a read each time, as traffic would. */
async function eventually(poke: () => Promise<unknown>, check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) {
    await poke();
    await delay(50);
  }
}

/** The view counter and the shared cache, both connected through the proxy. */
async function openParts(): Promise<{ counter: ViewCounter; cache: Cache; prefix: string }> {
  const prefix = `faults${Math.random().toString(36).slice(2)}:`;
  const common = {
    url: proxy.url,
    commandTimeoutMs: 200,
    maxReconnectDelayMs: 100,
    breaker: { failureThreshold: 2, coolDownMs: 200 },
  };
  const counter = await createRedisViewCounter({ ...common, prefix });
  const cache = await createRedisCache({ ...common, namespace: `${prefix}c:` });
  return { counter, cache, prefix };
}

/** `n` views, each by its own client, of articles a and b in turn. */
const viewsBy = (tag: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: "ab"[i % 2], client: `${tag}${i}` }));

interface FaultCase {
  name: string;
  fault: Fault;
  /** Whether a command sent during the fault can still reach Redis (late, but whole). */
  reachesRedis: boolean;
  /** How many views, at least, get no answer (Redis may have counted them: held as uncertain). */
  uncertain: number;
  /** What the proxy must have done (since `start`) before the views sent one by one. */
  holdsUntil?: (now: FaultProxyStats, start: FaultProxyStats) => boolean;
}

const CASES: FaultCase[] = [
  {
    name: "1.5 s of latency each way",
    // An answer takes 3 s, so a call waiting for one would miss the 2 s bound.
    fault: { kind: "latency", ms: 1500 },
    reachesRedis: true,
    uncertain: 10,
  },
  {
    name: "every connection reset",
    fault: { kind: "reset" },
    reachesRedis: false,
    // Whether a view was on the wire when the RST came is a race.
    uncertain: 0,
    // Both parts' connections, then at least one reconnect of each, reset on accept.
    holdsUntil: (now, start) => now.reset >= start.reset + 4,
  },
  {
    name: "a black hole (a hung peer)",
    fault: { kind: "blackhole" },
    reachesRedis: false,
    uncertain: 10,
    // The views sent together were read by the hung peer and dropped.
    holdsUntil: (now, start) => now.bytesDiscarded > start.bytesDiscarded,
  },
];

const itControllable = (name: string, fn: () => Promise<void>) =>
  it(
    name,
    async () => {
      if (!redis.controllable) return void console.warn("REDIS_URL is external: skipped");
      await fn();
    },
    60_000,
  );

describe("the view counter and the shared cache behind network faults (a TCP proxy)", () => {
  describe.each(CASES)("with $name", ({ fault, reachesRedis, uncertain, holdsUntil }) => {
    itControllable(
      "settles every view and cache read while the fault lasts, then counts each view exactly once",
      async () => {
        const { counter, cache, prefix } = await openParts();
        const keys = [`${prefix}c:x`, `${prefix}c:y`];
        try {
          await cache.setMany(keys.map((key) => ({ key, value: `v-${key}`, ttlSeconds: 300 })));
          expect(await cache.getMany(keys)).toEqual(keys.map((key) => `v-${key}`));
          for (const v of viewsBy("p", 4))
            expect(await counter.record(v.id, v.client, NOW)).toBe(true);
          expect(await countedInRedis(prefix)).toEqual({ a: 2, b: 2 });

          const start = proxy.stats();
          try {
            proxy.setFault(fault);
            // Ten sent together while the connection still looks fine (no answer comes), then
            // ten one by one with a cache read after each, as requests would go on arriving.
            const together = await Promise.all(
              viewsBy("s", 10).map((v) => withinBound(counter.record(v.id, v.client, NOW))),
            );
            if (holdsUntil) {
              for (let i = 0; i < 100 && !holdsUntil(proxy.stats(), start); i++) await delay(50);
              expect(holdsUntil(proxy.stats(), start)).toBe(true);
            }
            const oneByOne: (boolean | "unsettled")[] = [];
            const reads: ((string | null)[] | "unsettled")[] = [];
            for (const v of viewsBy("t", 10)) {
              oneByOne.push(await withinBound(counter.record(v.id, v.client, NOW)));
              reads.push(await withinBound(cache.getMany(keys)));
            }
            // Each resolved (none rejected, none waited for Redis) and each view was taken.
            expect([...together, ...oneByOne]).toEqual(Array(20).fill(true));
            expect(reads).toEqual(Array(10).fill([null, null]));
            const held = counter.health()!;
            expect(held).toMatchObject({ redis: "down", views: 20, overflow: 0 });
            expect(held.uncertain).toBeGreaterThanOrEqual(uncertain);
            expect(cache.state()).toBe("down");
            // Held here: nothing sent during a reset or a black hole reached Redis.
            if (!reachesRedis) expect(await countedInRedis(prefix)).toEqual({ a: 2, b: 2 });
          } finally {
            proxy.setFault({ kind: "none" });
          }

          // Replayed once Redis answers again; a view Redis may have run late (latency) or never
          // got (reset, black hole) is counted once either way.
          await eventually(
            () => counter.pending(["a"]),
            () => counter.health()?.views === 0,
          );
          expect(counter.health()).toMatchObject({ redis: "up", views: 0 });
          expect(await countedInRedis(prefix)).toEqual({ a: 12, b: 12 });

          let values: (string | null)[] = [];
          await eventually(
            async () => (values = await cache.getMany(keys)),
            () => values.length > 0 && values.every((v) => v !== null),
          );
          expect(values).toEqual(keys.map((key) => `v-${key}`));
          expect(cache.state()).toBe("up");
        } finally {
          await counter.close();
          await cache.close();
        }
      },
    );

    itControllable(
      "opens within the bound while the fault lasts, answers, and is up once it ends",
      async () => {
        proxy.setFault(fault);
        const opening = openParts();
        try {
          const opened = await withinBound(opening);
          expect(opened).not.toBe("unsettled");
          const { counter, cache } = await opening;
          expect(await withinBound(counter.record("a", "o0", NOW))).toBe(true);
          expect(await withinBound(cache.getMany(["k"]))).toEqual([null]);
          expect(counter.health()).toMatchObject({ redis: "down", views: 1 });
        } finally {
          proxy.setFault({ kind: "none" });
        }
        const { counter, cache, prefix } = await opening;
        try {
          await eventually(
            () => cache.getMany(["k"]),
            () => cache.state() === "up" && counter.health()?.views === 0,
          );
          expect(cache.state()).toBe("up");
          expect(counter.health()).toMatchObject({ redis: "up", views: 0 });
          expect(await countedInRedis(prefix)).toEqual({ a: 1 });
        } finally {
          await counter.close();
          await cache.close();
        }
      },
    );
  });
});
