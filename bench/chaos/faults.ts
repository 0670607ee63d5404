import { setTimeout as delay } from "node:timers/promises";
import type { Redis } from "ioredis";
import type { Fault as ProxyFault, FaultProxy } from "../support/fault-proxy";
import type { TestRedisServer } from "../support/redis-server";
import type { Load } from "./load";
import type { ChaosStore } from "./chaos-store";

/** What a fault can reach: the parts of the run it breaks. */
export interface FaultTargets {
  redis: TestRedisServer;
  /** The gateway's way to Redis (every gateway connection goes through it). */
  proxy: FaultProxy;
  /** A connection straight to Redis, past the proxy. */
  probe: Redis;
  store: ChaosStore;
  load: Load;
  /** The gateway's cache prefix. */
  prefix: string;
}

/** One fault of the report: `inject` breaks something and returns how to mend it. */
export interface Fault {
  name: string;
  /** What is done, for the report. */
  what: string;
  /** Whether the p99 goal of Redis faults (under 300 ms) applies. */
  redis: boolean;
  inject(t: FaultTargets, durationMs: number): Promise<() => Promise<void>>;
}

/** A fault of the proxy in front of Redis, for the fault's length. */
function proxyFault(name: string, what: string, fault: ProxyFault): Fault {
  return {
    name,
    what,
    redis: true,
    async inject(t) {
      t.proxy.setFault(fault);
      return async () => t.proxy.setFault({ kind: "none" });
    },
  };
}

const redisFaults: Fault[] = [
  {
    name: "redis-kill",
    what: "redis-server killed (SIGKILL), started again after the fault",
    redis: true,
    async inject(t) {
      await t.redis.stop();
      return () => t.redis.start();
    },
  },
  {
    name: "redis-sigstop",
    what: "redis-server stopped (SIGSTOP), continued (SIGCONT) after",
    redis: true,
    async inject(t) {
      const pid = t.redis.pid;
      if (pid === null) throw new Error("no redis-server process to stop");
      process.kill(pid, "SIGSTOP");
      return async () => void process.kill(pid, "SIGCONT");
    },
  },
  {
    name: "redis-pause",
    what: "CLIENT PAUSE ALL for the fault's length",
    redis: true,
    async inject(t, durationMs) {
      await t.probe.call("CLIENT", "PAUSE", String(durationMs), "ALL");
      return async () => {
        await t.probe.call("CLIENT", "UNPAUSE");
      };
    },
  },
  proxyFault("proxy-latency", "every packet to and from Redis delayed 1 s (proxy)", {
    kind: "latency",
    ms: 1000,
  }),
  proxyFault("proxy-reset", "every connection to Redis reset (RST), new ones too (proxy)", {
    kind: "reset",
  }),
  proxyFault("proxy-half-open", "connections to Redis stay open but nothing comes back (proxy)", {
    kind: "blackhole",
  }),
  proxyFault(
    "proxy-stranded",
    "open connections to Redis lead nowhere for good, new ones pass (a NAT forgot them)",
    { kind: "strand" },
  ),
  {
    name: "bad-cache-values",
    what: "every cached article, page and response overwritten with junk, every 200 ms",
    redis: true,
    async inject(t) {
      let on = true;
      const spoil = async () => {
        while (on) {
          const keys = await t.probe.keys(`${t.prefix}c:*`);
          const values = keys.filter((k) => !k.includes("generation") && !k.endsWith(":fill"));
          if (values.length > 0) {
            const junk = values.flatMap((k, i) => [k, i % 2 ? "{not json" : '{"id":1}']);
            await t.probe.mset(...junk);
          }
          await delay(200);
        }
      };
      const spoiling = spoil();
      return async () => {
        on = false;
        await spoiling;
      };
    },
  },
];

const otherFaults: Fault[] = [
  {
    name: "store-write-lock",
    what: "another process holds the database's write lock (ingest writes wait)",
    redis: false,
    inject: (t) => t.store.holdWriteLock(),
  },
  {
    name: "abusive-client",
    what: "one address sends fresh searches (never cached) as fast as 8 connections allow",
    redis: false,
    async inject(t) {
      const stop = t.load.startAbuse();
      return async () => stop();
    },
  },
];

/** Every fault of the report, in the order it runs them. */
export const FAULTS: readonly Fault[] = [...redisFaults, ...otherFaults];
