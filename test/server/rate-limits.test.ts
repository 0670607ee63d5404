import { createLogger } from "../../src/logger";
import { startServer, type Running } from "../../src/main";
import { createStore } from "../../src/store/create-store";
import { makeArticle, makeSource } from "../store/store-backends";
import { testConfig } from "../support/test-config";

const logger = createLogger({ level: "silent" });
const KEYS = ["key-one-0123456789", "key-two-0123456789", "key-three-0123456789"];
const CHEAP = "{ sources(first: 1) { edges { node { id } } } }";
const COSTLY = "{ headlines(first: 20) { edges { node { id title url summary } } } }";
const RATE = { perMinute: 60, burst: 100 };

/** POSTs a query as a client (an API key, or none) and returns status, headers and body. */
export async function ask(url: string, query: string, key?: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(key !== undefined && { authorization: `Bearer ${key}` }),
    },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

/** Sends `query` until it is refused (at most `max` times); returns how many were served. */
export async function servedUntilRefused(url: string, query: string, key?: string, max = 200) {
  for (let served = 0; served < max; served++) {
    const res = await ask(url, query, key);
    if (res.status === 429) return { served, refused: res };
    expect([res.status, res.body.errors]).toEqual([200, undefined]);
  }
  throw new Error(`still served after ${max} requests`);
}

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
    expect(costly.served).toBeLessThan(cheap.served / 4);
    expect(costly.refused.body.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(Number(costly.refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});
