import { createLogger } from "../../src/logger";
import { startServer, type Running } from "../../src/main";
import { createStore } from "../../src/store/create-store";
import { makeArticle, makeSource } from "../store/store-backends";
import { ask, servedUntilRefused } from "../support/rate-limit-client";
import { testConfig } from "../support/test-config";

const logger = createLogger({ level: "silent" });
const KEYS = ["key-one-0123456789", "key-two-0123456789", "key-three-0123456789"];
const CHEAP = "{ sources(first: 1) { edges { node { id } } } }";
const COSTLY = "{ headlines(first: 20) { edges { node { id title url summary } } } }";
const RATE = { perMinute: 60, burst: 100 };

describe("the rate limits of the HTTP API (in process)", () => {
  let running: Running;
  let now = 1_700_000_000_000;
  beforeAll(async () => {
    const config = testConfig({
      apiKeys: KEYS,
      responseCache: false,
      rateLimit: { anonymous: RATE, apiKey: RATE },
    });
    const store = await createStore(config.databaseUrl);
    await store.upsertSources([makeSource("news")]);
    await store.upsertArticles([makeArticle("x1")]);
    await store.close();
    running = await startServer(config, logger, { now: () => now });
  });
  afterAll(() => running.stop());

  it("refuses a client over its budget with 429, Retry-After and RATE_LIMITED, and serves another key", async () => {
    const { served, refused } = await servedUntilRefused(running.url!, CHEAP);
    expect(served).toBeGreaterThan(10);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors[0].extensions).toEqual({
      code: "RATE_LIMITED",
      retryAfterSeconds: Number(refused.headers.get("retry-after")),
    });
    const other = await ask(running.url!, CHEAP, KEYS[0]);
    expect(other.status).toBe(200);
    expect(other.body.data.sources.edges).toHaveLength(1);
  });

  it("does not limit the health routes", async () => {
    const base = running.url!.replace(/\/graphql$/, "");
    expect((await ask(running.url!, CHEAP)).status).toBe(429);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it("refills the bucket as the clock moves", async () => {
    expect((await ask(running.url!, CHEAP)).status).toBe(429);
    now += 60_000;
    expect((await ask(running.url!, CHEAP)).status).toBe(200);
  });

  it("drains the bucket faster with a costly query than with a cheap one", async () => {
    const cheap = await servedUntilRefused(running.url!, CHEAP, KEYS[1]);
    const costly = await servedUntilRefused(running.url!, COSTLY, KEYS[2]);
    // It costs more than the burst: a full bucket still lets it through once.
    expect(costly.served).toBeGreaterThan(0);
    expect(costly.served).toBeLessThan(cheap.served / 4);
    expect(costly.refused.body.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(Number(costly.refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});
