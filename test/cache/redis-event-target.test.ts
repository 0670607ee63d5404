import { setTimeout as delay } from "node:timers/promises";
import { createRedisEventTarget, type RedisEventTarget } from "../../src/cache/redis-event-target";
import { startFaultProxy } from "../support/fault-proxy";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";

/** Polls `check` (bounded) until it holds, dispatching `poke` each time as a publisher would. */
async function eventually(check: () => boolean, poke: () => void): Promise<boolean> {
  for (let i = 0; i < 100 && !check(); i++) {
    poke();
    await delay(100);
  }
  return check();
}

/** Listens for `added` events; `arrives(n)` sends n until it comes back (bounded). */
function listenTo(target: RedisEventTarget) {
  const got: number[] = [];
  target.addEventListener("added", (e) => got.push((e as CustomEvent<number>).detail));
  const send = (n: number) => target.dispatchEvent(new CustomEvent("added", { detail: n }));
  const arrives = (n: number) =>
    eventually(
      () => got.includes(n),
      () => send(n),
    );
  return { got, send, arrives };
}

describe("events through Redis while Redis goes away", () => {
  let redis: TestRedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    if (redis.controllable) await redis.stop();
  });

  it("drops what is published while Redis hangs, never queues it, and delivers again after", async () => {
    if (!redis.controllable || redis.pid === null) return;
    const pid = redis.pid;
    const target = await createRedisEventTarget({ url: redis.url, prefix: "ev:" });
    const { got, send, arrives } = listenTo(target);
    try {
      expect(await arrives(0)).toBe(true);

      process.kill(pid, "SIGSTOP");
      try {
        // Ten sent into the hang (written, unanswered) time out and open the breaker...
        for (let i = 1; i <= 10; i++) send(i);
        await delay(1500);
        // ...so these thousand are dropped here, not queued behind them.
        for (let i = 11; i <= 1010; i++) expect(send(i)).toBe(true);
      } finally {
        process.kill(pid, "SIGCONT");
      }

      expect(await arrives(-1)).toBe(true);
      await delay(300);
      // Redis may still run what was written before the breaker opened; nothing after it.
      expect(got.filter((n) => n > 10)).toEqual([]);
    } finally {
      await target.close();
    }
  });

  it("listens again after its connections were stranded half-open, and closes without waiting on them", async () => {
    const proxy = await startFaultProxy({ target: { host: "127.0.0.1", port: redis.port } });
    const target = await createRedisEventTarget({
      url: proxy.url,
      prefix: "strand-ev:",
      heartbeatMs: 200,
    });
    const { arrives } = listenTo(target);
    try {
      expect(await arrives(0)).toBe(true);
      const accepted = proxy.stats().accepted;
      // Both connections now lead nowhere; new ones pass.
      proxy.setFault({ kind: "strand" });
      expect(await arrives(1)).toBe(true);
      expect(proxy.stats().accepted).toBeGreaterThanOrEqual(accepted + 2);
      proxy.setFault({ kind: "strand" });
    } finally {
      // Stranded again: closing must not wait for an answer that never comes.
      await target.close();
      await proxy.close();
    }
  });
});
