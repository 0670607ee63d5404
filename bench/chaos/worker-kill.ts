import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { type ChaosStore, compareArticles } from "./chaos-store";
import type { FaultResult } from "./fault-result";
import { startGateway } from "./gateway-process";
import { timeUntil } from "./gateway-probes";
import { startGrowingFeeds } from "./growing-feeds";

const SOURCES = Array.from({ length: 8 }, (_, i) => `w${i}`);
const CATCH_UP_LIMIT_MS = 120_000;

/**
 * Two `newsgate worker` processes share the store; the one that took every source is killed
 * (SIGKILL) while its fetches are under way. Reports the time until every source's items are
 * stored, and what was lost or stored twice. `leaseMs` null: the default lease.
 */
export async function runWorkerKill(
  store: ChaosStore,
  leaseMs: number | null,
): Promise<FaultResult> {
  const feeds = await startGrowingFeeds({ sources: SOURCES, stepMs: 60_000, window: 50 });
  const config = join(tmpdir(), `newsgate-chaos-${process.pid}.config.json`);
  const sources = SOURCES.map((id) => ({ id, name: id, url: `${feeds.url}/${id}.xml` }));
  writeFileSync(config, JSON.stringify({ sources }));
  const env = (id: string) => ({
    DATABASE_URL: store.url,
    NEWSGATE_CONFIG: config,
    ALLOW_PRIVATE_NETWORKS: "true",
    WORKER_ID: id,
    SCHEDULER_TICK_MS: "200",
    SCHEDULER_CONCURRENCY: "8",
    SCHEDULER_HOST_CONCURRENCY: "8",
    ...(leaseMs === null ? {} : { LEASE_MS: String(leaseMs) }),
  });
  // Slow answers: the first worker is mid-fetch on every source when it dies.
  feeds.setDelay(3000);
  const a = await startGateway("worker", env("chaos-a"));
  let b: Awaited<ReturnType<typeof startGateway>> | null = null;
  try {
    // a has taken every source and waits on its fetches; b starts, then a dies.
    await timeUntil(async () => feeds.requests() >= SOURCES.length, 30_000);
    b = await startGateway("worker", env("chaos-b"));
    await delay(200);
    await a.kill();
    const killedAt = performance.now();
    feeds.setDelay(0);
    const caughtUp = await timeUntil(async () => {
      const stored = await store.countArticles();
      return SOURCES.every((s) => (stored.guids.get(s)?.size ?? 0) > 0);
    }, CATCH_UP_LIMIT_MS);
    const catchUpMs = caughtUp === null ? null : Math.round(performance.now() - killedAt);
    const articles = compareArticles(feeds.served(), await store.countArticles());
    const stopped = await b.stop();
    const none = { requests: 0, p50: 0, p99: 0 };
    return {
      name: "worker-kill",
      what: `two workers, the one fetching every source killed (SIGKILL) mid-fetch; lease ${leaseMs ?? 30000} ms`,
      redis: false,
      requests: feeds.requests(),
      failed: 0,
      errors: {},
      during: none,
      after: none,
      recoveryMs: catchUpMs,
      views: { sent: 0, counted: 0, unanswered: 0 },
      articles,
      notes: [`surviving worker stopped with status ${stopped}`],
    };
  } finally {
    await a.kill();
    await b?.kill();
    await feeds.close();
  }
}
