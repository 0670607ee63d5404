import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { startFaultProxy } from "../support/fault-proxy";
import { startRedisServer } from "../support/redis-server";
import { formatChaosReport } from "./chaos-report";
import { type ChaosStore, createPostgresChaosStore, createSqliteChaosStore } from "./chaos-store";
import { type FaultResult, missedGoals } from "./fault-result";
import { FAULTS } from "./faults";
import { startGateway } from "./gateway-process";
import { createGatewayProbes } from "./gateway-probes";
import { startGrowingFeeds } from "./growing-feeds";
import { startLoad } from "./load";
import { type FaultTimes, runFault } from "./run-fault";
import { runWorkerKill } from "./worker-kill";

const USAGE =
  "usage: npm run chaos -- [--short] [--only fault,fault] [--postgres URL] [--json FILE]\n" +
  `faults: ${[...FAULTS.map((f) => f.name), "worker-kill"].join(", ")}`;

const FULL: FaultTimes = { warmMs: 3000, faultMs: 30_000, afterMs: 10_000 };
const SHORT: FaultTimes = { warmMs: 1000, faultMs: 4000, afterMs: 2000 };
const SOURCES = ["alpha", "bravo", "charlie", "delta"];
const API_KEY = "chaos-run-api-key-0123456789";
const PREFIX = "chaos:";

/** Options of one run. */
interface ChaosOptions {
  short: boolean;
  only: Set<string> | null;
  postgresUrl: string | null;
  json: string | null;
}

function readOptions(argv: string[]): ChaosOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      short: { type: "boolean", default: false },
      only: { type: "string" },
      postgres: { type: "string" },
      json: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const known = new Set([...FAULTS.map((f) => f.name), "worker-kill"]);
  const only = values.only ? new Set(values.only.split(",")) : null;
  for (const name of only ?? [])
    if (!known.has(name)) throw new Error(`unknown fault "${name}"\n${USAGE}`);
  return {
    short: values.short ?? false,
    only,
    postgresUrl: values.postgres ?? null,
    json: values.json ?? null,
  };
}

async function openStore(opts: ChaosOptions): Promise<ChaosStore> {
  return opts.postgresUrl ? createPostgresChaosStore(opts.postgresUrl) : createSqliteChaosStore();
}

/** Runs the faults against one gateway (NODE_ENV=production) under load. */
async function runGatewayFaults(opts: ChaosOptions, times: FaultTimes): Promise<FaultResult[]> {
  const faults = FAULTS.filter((f) => opts.only === null || opts.only.has(f.name));
  if (faults.length === 0) return [];
  const aof = mkdtempSync(join(tmpdir(), "newsgate-chaos-redis-"));
  const redis = await startRedisServer({ allowExternal: false, appendOnlyDir: aof });
  const proxy = await startFaultProxy({ target: { host: "127.0.0.1", port: redis.port } });
  const probe = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  probe.on("error", () => undefined);
  const store = await openStore(opts);
  const feeds = await startGrowingFeeds({ sources: SOURCES, stepMs: 2000, window: 100 });
  const config = join(aof, "newsgate.config.json");
  writeFileSync(
    config,
    JSON.stringify({
      sources: SOURCES.map((id) => ({ id, name: id, url: `${feeds.url}/${id}.xml` })),
    }),
  );
  const gateway = await startGateway("serve", {
    DATABASE_URL: store.url,
    REDIS_URL: proxy.url,
    CACHE_PREFIX: PREFIX,
    NEWSGATE_CONFIG: config,
    API_KEYS: API_KEY,
    TRUST_PROXY: "127.0.0.1",
    LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? "warn",
    ALLOW_PRIVATE_NETWORKS: "true",
    SCHEDULER_ENABLED: "false",
    // Each reader asks every ~250 ms; with Redis away its front pages are executed, not served
    // from the response cache, and cost their full estimate. Only the abusive client should meet
    // the limit, so the budget is five times the default.
    RATE_LIMIT_PER_MINUTE: "30000",
    RATE_LIMIT_BURST: "30000",
  });
  const probes = createGatewayProbes(gateway.url, API_KEY);
  try {
    if (!(await probes.refreshAll(SOURCES))) throw new Error("the first ingest failed");
    const articleIds = await probes.newestIds(20);
    const load = startLoad({
      url: `${gateway.url}/graphql`,
      clients: 50,
      thinkMs: 250,
      articleIds,
      sourceIds: SOURCES,
      refreshEveryMs: 500,
      apiKey: API_KEY,
    });
    const targets = { redis, proxy, probe, store, load, prefix: PREFIX };
    const results: FaultResult[] = [];
    for (const fault of faults) {
      process.stderr.write(`chaos: ${fault.name}…\n`);
      const result = await runFault(fault, {
        targets,
        probes,
        feeds,
        articleIds,
        sourceIds: SOURCES,
        times,
      });
      results.push(result);
    }
    await load.stop();
    const stopping = performance.now();
    const code = await gateway.stop();
    const took = ((performance.now() - stopping) / 1000).toFixed(1);
    const last = results[results.length - 1];
    last.notes.push(`gateway stopped (SIGTERM) in ${took} s, status ${code}`);
    last.stopStatus = code;
    if (code !== 0) process.stderr.write(`gateway log (tail):\n${gateway.output().slice(-3000)}\n`);
    return results;
  } catch (error) {
    process.stderr.write(gateway.output());
    throw error;
  } finally {
    await gateway.kill();
    probe.disconnect();
    await proxy.close();
    await redis.stop();
    await feeds.close();
    await store.drop();
    rmSync(aof, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const opts = readOptions(process.argv.slice(2));
  const times = opts.short ? SHORT : FULL;
  const results = await runGatewayFaults(opts, times);
  if (opts.only === null || opts.only.has("worker-kill")) {
    process.stderr.write("chaos: worker-kill…\n");
    const store = await openStore(opts);
    try {
      results.push(await runWorkerKill(store, opts.short ? 3000 : null));
    } finally {
      await store.drop();
    }
  }
  const backend = opts.postgresUrl ? "PostgreSQL" : "SQLite";
  const heading =
    `## newsgate chaos report (${opts.short ? "short" : "full"}: faults of ${times.faultMs / 1000} s, ` +
    `${backend}, Redis through a fault proxy, NODE_ENV=production, 50 readers)`;
  console.log(formatChaosReport(results, heading));
  if (opts.json) writeFileSync(opts.json, JSON.stringify(results, null, 2));
  if (results.some((r) => missedGoals(r).length > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
