import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { openGateway, serveGateway } from "../../src/main";
import { createGatewayMetrics } from "../../src/server/gateway-metrics";
import { findFreePort } from "../support/redis-server";
import type { BenchServer } from "./bench-server";
import { chunk } from "../../src/store/chunk";
import type { ViewSeed } from "./view-seeds";

/** What the parent gives a gateway child: its environment and where the package lives. */
export interface GatewayLaunch {
  /** DATABASE_URL, REDIS_URL, NEWSGATE_CONFIG and any extra (RESPONSE_CACHE=false). */
  env: Record<string, string>;
  /** The working directory it runs in (a temp dir of the bench). */
  cwd: string;
  packageRoot: string;
}

// Views are recorded a batch at a time: Redis round trips overlap, the loop stays free.
const VIEW_BATCH = 200;

/**
 * Opens the real newsgate as `newsgate serve` would in production (scheduler off, silent
 * logs), counts its SQL statements, records the corpus's views, and serves it.
 */
export async function startGatewayServer(
  launch: GatewayLaunch,
  views: readonly ViewSeed[],
): Promise<BenchServer> {
  const env = {
    SCHEDULER_ENABLED: "false",
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    // The load generator is one client sending as fast as it can.
    RATE_LIMIT_PER_MINUTE: "0",
    HOST: "127.0.0.1",
    PORT: String(await findFreePort()),
    ...launch.env,
  };
  const config = loadConfig(env, { cwd: launch.cwd, packageRoot: launch.packageRoot });
  const logger = createLogger({ level: "silent" });
  let statements = 0;
  // The metrics the service keeps, so that the bench measures what ships.
  const metrics = createGatewayMetrics();
  const gateway = await openGateway(config, logger, {
    onQuery: (ms) => {
      statements++;
      metrics.storeQuery(ms);
    },
    onIngest: metrics.ingested,
  });
  try {
    for (const batch of chunk(views, VIEW_BATCH)) {
      await Promise.all(batch.map((v) => gateway.views.record(v.articleId, v.client, v.at)));
    }
  } catch (error) {
    await gateway.close();
    throw error;
  }
  const running = await serveGateway(gateway, config, logger, { metrics });
  return {
    url: running.url ?? `http://127.0.0.1:${config.port}/graphql`,
    statements: () => statements,
    resetCounters: () => {
      statements = 0;
    },
    // Every cached value: articles, pages, sources and responses, in process and in Redis.
    flush: () => gateway.clearCaches(),
    stop: () => running.stop(),
  };
}
