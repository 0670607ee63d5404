import { createLogger } from "../../src/logger";
import { startServer, type Running } from "../../src/main";
import { createStore } from "../../src/store/create-store";
import { makeArticle, makeSource } from "../store/store-backends";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";
import { ask, servedUntilRefused } from "../support/rate-limit-client";
import { testConfig } from "../support/test-config";

const logger = createLogger({ level: "silent" });
const CHEAP = "{ sources(first: 1) { edges { node { id } } } }";

async function startInstance(redisUrl: string, now: () => number): Promise<Running> {
  const config = testConfig({
    redisUrl,
    cachePrefix: "rl:",
    responseCache: false,
    rateLimit: { anonymous: { perMinute: 60, burst: 40 }, apiKey: null },
  });
  const store = await createStore(config.databaseUrl);
  await store.upsertSources([makeSource("news")]);
  await store.upsertArticles([makeArticle("x1")]);
  await store.close();
  return startServer(config, logger, { now });
}

describe("the rate limits with Redis", () => {
  let redis: TestRedisServer;
  let a: Running;
  let b: Running;
  let now = 1_700_000_000_000;
  beforeAll(async () => {
    redis = await startRedisServer({ allowExternal: false });
    a = await startInstance(redis.url, () => now);
    b = await startInstance(redis.url, () => now);
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
    await redis.stop();
  });

  it("shares one bucket between two server instances", async () => {
    const { served } = await servedUntilRefused(a.url!, CHEAP);
    expect(served).toBeGreaterThan(5);
    const other = await ask(b.url!, CHEAP);
    expect(other.status).toBe(429);
    expect(other.body.errors[0].extensions.code).toBe("RATE_LIMITED");
    now += 60_000;
    expect((await ask(b.url!, CHEAP)).status).toBe(200);
  });

  it("limits in process when Redis is gone, and answers nothing with a 5xx", async () => {
    await redis.stop();
    now += 120_000;
    const statuses: number[] = [];
    for (let i = 0; i < 80; i++) statuses.push((await ask(a.url!, CHEAP)).status);
    expect(statuses.some((s) => s >= 500)).toBe(false);
    expect(statuses).toContain(200);
    expect(statuses).toContain(429);
  });
});
