import { copyFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createTestDatabase } from "../support/postgres";
import { startRedisServer } from "../support/redis-server";
import type { Cleanup } from "./cleanup";
import type { NewsCorpus } from "./news-corpus";
import { createRedisProbe, type RedisProbe } from "./redis-probe";
import { seedStore } from "./seed-store";
import { forkServer, type ServerProcess } from "./server-process";
import type { TargetDef } from "./targets";

/** A target's server running in its child, with a probe on its private Redis if it has one. */
export interface RunningTarget {
  def: TargetDef;
  server: ServerProcess;
  redis: RedisProbe | null;
  /** Processes started for it (the child, its redis-server), for the record. */
  pids: { label: string; pid: number }[];
}

/** What starting targets needs: the corpus, a temp dir, and where to put the undo steps. */
export interface TargetContext {
  corpus: NewsCorpus;
  workDir: string;
  childScript: string;
  /** TEST_DATABASE_URL: the server the postgres target creates its database on. */
  postgresUrl: string | null;
  cleanup: Cleanup;
  print(line: string): void;
}

/** Seeds what the targets need and starts each in turn; everything is undone by the cleanup. */
export async function startTargets(
  defs: readonly TargetDef[],
  ctx: TargetContext,
): Promise<RunningTarget[]> {
  const configFile = join(ctx.workDir, "newsgate.config.json");
  // No sources: the bundled examples are not declared, nothing is fetched.
  await writeFile(configFile, JSON.stringify({ sources: [] }));
  const sqliteSeed = defs.some((d) => d.store === "sqlite") ? await seedSqlite(ctx) : null;
  const running: RunningTarget[] = [];
  for (const def of defs) {
    const env: Record<string, string> = { NEWSGATE_CONFIG: configFile, ...def.env };
    if (def.store === "sqlite") env.DATABASE_URL = await copySqlite(sqliteSeed!, def, ctx);
    if (def.store === "postgres") env.DATABASE_URL = await createPostgres(ctx);
    const redis = def.redis ? await startRedis(def, ctx) : null;
    if (redis) env.REDIS_URL = redis.url;
    const server = await forkServer(ctx.childScript, def.label, {
      kind: def.kind,
      corpus: ctx.corpus.spec.size,
      now: ctx.corpus.now,
      gateway:
        def.kind === "gateway" ? { env, cwd: ctx.workDir, packageRoot: packageRoot() } : undefined,
    });
    ctx.cleanup.add(`stop ${def.label}`, () => server.stop());
    const pids = [{ label: def.label, pid: server.pid }];
    if (redis?.pid) pids.push({ label: `redis-server of ${def.label}`, pid: redis.pid });
    running.push({ def, server, redis: redis?.probe ?? null, pids });
    ctx.print(`  ${def.label}: ready at ${server.url}`);
  }
  return running;
}

// The repository root, from dist/bench/api or bench/api alike.
function packageRoot(): string {
  const root = join(__dirname, "..", "..");
  return root.endsWith("dist") ? join(root, "..") : root;
}

async function seedSqlite(ctx: TargetContext): Promise<string> {
  const path = join(ctx.workDir, "seed.db");
  const start = Date.now();
  await seedStore(`sqlite:${path}`, ctx.corpus);
  ctx.print(`  sqlite: seeded in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return path;
}

// Each SQLite target reads its own copy: views flushed by one never reach another.
async function copySqlite(seed: string, def: TargetDef, ctx: TargetContext): Promise<string> {
  const path = join(ctx.workDir, `${def.key}.db`);
  await copyFile(seed, path);
  if (existsSync(`${seed}-wal`)) await copyFile(`${seed}-wal`, `${path}-wal`);
  return `sqlite:${path}`;
}

async function createPostgres(ctx: TargetContext): Promise<string> {
  if (!ctx.postgresUrl) throw new Error("the postgres target needs TEST_DATABASE_URL");
  const database = await createTestDatabase(ctx.postgresUrl, "newsgate_bench");
  ctx.cleanup.add("drop the postgres database", () => database.drop());
  const start = Date.now();
  await seedStore(database.url, ctx.corpus);
  ctx.print(
    `  postgres: database created and seeded in ${((Date.now() - start) / 1000).toFixed(1)} s`,
  );
  return database.url;
}

async function startRedis(def: TargetDef, ctx: TargetContext) {
  // A private server per target: counters, limits and command counts are that target's alone.
  const server = await startRedisServer({ allowExternal: false });
  ctx.cleanup.add(`stop the redis-server of ${def.label}`, () => server.stop());
  const probe = createRedisProbe(server.url);
  ctx.cleanup.add(`close the redis probe of ${def.label}`, () => probe.close());
  return { url: server.url, pid: server.pid, probe };
}
