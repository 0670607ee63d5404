import { setTimeout as delay } from "node:timers/promises";
import type Redis from "ioredis";
import { createRedisViewCounter } from "../../src/cache/redis-view-counter";
import type { ViewCounter } from "../../src/cache/view-counter";
import {
  countedInRedis as countedInRedisAt,
  withProbe as withRedisProbe,
} from "../support/redis-probe";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";

const NOW = Date.parse("2026-03-05T10:30:00Z");

let redis: TestRedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  if (redis.controllable) await redis.stop();
});

/** Runs `use` on a connection straight to redis-server, bypassing any proxy and its fault. */
const withProbe = <T>(use: (probe: Redis) => Promise<T>) => withRedisProbe(redis.url, use);

/** Views per article in Redis: the pending tally, checked against the hour bucket. */
const countedInRedis = (prefix: string) => countedInRedisAt(redis.url, prefix, NOW);

/** Polls (bounded) until `check` holds, sending a read each time as traffic would. */
async function eventually(counter: ViewCounter, check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) {
    await counter.pending(["a"]);
    await delay(50);
  }
}

async function openCounter(): Promise<{ counter: ViewCounter; prefix: string }> {
  const prefix = `outage${Math.random().toString(36).slice(2)}:`;
  const counter = await createRedisViewCounter({
    url: redis.url,
    prefix,
    commandTimeoutMs: 200,
    maxReconnectDelayMs: 100,
    breaker: { failureThreshold: 2, coolDownMs: 200 },
  });
  return { counter, prefix };
}

/** `n` views, each by its own client, of articles a and b in turn. */
const viewsBy = (tag: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: "ab"[i % 2], client: `${tag}${i}` }));

/**
 * Ten views sent together before the breaker opens (no answer: Redis may count them later), then
 * ten refused by the open breaker (held here, certainly not in Redis).
 */
async function recordThroughHang(counter: ViewCounter): Promise<void> {
  await Promise.all(viewsBy("s", 10).map((v) => counter.record(v.id, v.client, NOW)));
  for (const v of viewsBy("t", 10)) await counter.record(v.id, v.client, NOW);
}

/** Waits (bounded) until nothing is held here, then checks Redis counted each view once. */
async function expectReplayed(
  counter: ViewCounter,
  prefix: string,
  expected: Record<string, number>,
): Promise<void> {
  await eventually(counter, () => counter.health()?.views === 0);
  expect(counter.health()).toMatchObject({ redis: "up", views: 0 });
  expect(await countedInRedis(prefix)).toEqual(expected);
}

// stop()/start() and signals need a private redis-server; with only REDIS_URL these are skipped.
const itControllable = (name: string, fn: () => Promise<void>) =>
  it(
    name,
    async () => {
      if (!redis.controllable) return void console.warn("REDIS_URL is external: skipped");
      await fn();
    },
    60_000,
  );

describe("recording views while Redis is unavailable", () => {
  itControllable(
    "keeps views without sending a command while redis-server is killed, and replays them exactly once it is back",
    async () => {
      const { counter, prefix } = await openCounter();
      try {
        try {
          expect(counter.health()?.redis).toBe("up");
          await redis.stop();
          const views = viewsBy("k", 20);
          const results = await Promise.all(views.map((v) => counter.record(v.id, v.client, NOW)));
          // Resolved while Redis is still dead; none was sent and left without an answer.
          expect(results.every(Boolean)).toBe(true);
          expect(counter.health()).toMatchObject({ redis: "down", views: 20, uncertain: 0 });
          // A view the same client sends again is still limited while Redis is away.
          expect(await counter.record("a", "k0", NOW)).toBe(false);
          expect(await counter.pending(["a", "b"])).toEqual(
            new Map([
              ["a", 10],
              ["b", 10],
            ]),
          );
        } finally {
          if (!redis.pid) await redis.start();
        }
        await expectReplayed(counter, prefix, { a: 10, b: 10 });
        expect(counter.health()?.replayed).toBe(20);
        // Counted in Redis now, not also held here.
        expect(await counter.pending(["a", "b"])).toEqual(
          new Map([
            ["a", 10],
            ["b", 10],
          ]),
        );
      } finally {
        await counter.close();
      }
    },
  );

  itControllable(
    "answers while redis-server is stopped (SIGSTOP), and counts each view once after SIGCONT",
    async () => {
      const { counter, prefix } = await openCounter();
      const pid = redis.pid!;
      try {
        try {
          const before = viewsBy("p", 4);
          for (const v of before) expect(await counter.record(v.id, v.client, NOW)).toBe(true);
          process.kill(pid, "SIGSTOP");
          await recordThroughHang(counter);
          // Everything above resolved while the server is still stopped.
          const held = counter.health()!;
          expect(held).toMatchObject({ redis: "down", views: 20, overflow: 0 });
          expect(held.uncertain).toBeGreaterThanOrEqual(10);
        } finally {
          process.kill(pid, "SIGCONT");
        }
        // The stopped server runs the in-flight scripts once it continues; the replay must not
        // count them again.
        await expectReplayed(counter, prefix, { a: 12, b: 12 });
      } finally {
        await counter.close();
      }
    },
  );

  itControllable(
    "answers while clients are paused (CLIENT PAUSE WRITE), and counts each view once after",
    async () => {
      const { counter, prefix } = await openCounter();
      try {
        try {
          await withProbe((probe) => probe.call("CLIENT", "PAUSE", "30000", "WRITE"));
          await recordThroughHang(counter);
          // Resolved while the pause (30 s) still holds: it is lifted only below.
          expect(counter.health()).toMatchObject({ views: 20, overflow: 0 });
        } finally {
          await withProbe((probe) => probe.call("CLIENT", "UNPAUSE"));
        }
        await expectReplayed(counter, prefix, { a: 10, b: 10 });
      } finally {
        await counter.close();
      }
    },
  );

  itControllable("takes the held views into the flush once Redis is back", async () => {
    const { counter } = await openCounter();
    try {
      try {
        await redis.stop();
        for (const v of viewsBy("f", 6)) await counter.record(v.id, v.client, NOW);
        expect(await counter.takePending()).toEqual(new Map());
      } finally {
        if (!redis.pid) await redis.start();
      }
      for (let i = 0; i < 200 && counter.health()?.redis !== "up"; i++) await delay(50);
      expect(await counter.takePending()).toEqual(
        new Map([
          ["a", 3],
          ["b", 3],
        ]),
      );
      expect(counter.health()).toMatchObject({ views: 0, replayed: 6 });
    } finally {
      await counter.close();
    }
  });
});

describe("views a flush took back while Redis is away", () => {
  itControllable("are held here, shown in the totals, and taken by the next flush", async () => {
    const { counter } = await openCounter();
    try {
      for (const v of viewsBy("g", 4)) await counter.record(v.id, v.client, NOW);
      const taken = await counter.takePending();
      expect(taken).toEqual(
        new Map([
          ["a", 2],
          ["b", 2],
        ]),
      );
      await redis.stop();
      try {
        // The store refused them just as Redis went away: they stay here.
        await counter.restorePending(taken);
        expect(await counter.pending(["a", "b"])).toEqual(taken);
      } finally {
        await redis.start();
      }
      await eventually(counter, () => counter.health()?.redis === "up");
      await counter.record("a", "after", NOW);
      expect(await counter.takePending()).toEqual(
        new Map([
          ["a", 3],
          ["b", 2],
        ]),
      );
      expect(await counter.pending(["a", "b"])).toEqual(new Map());
    } finally {
      await counter.close();
    }
  });
});
