import { createHash } from "node:crypto";
import { createLogger } from "../../src/logger";
import { startServer, type Running } from "../../src/main";
import { createStore } from "../../src/store/create-store";
import { makeArticle, makeSource } from "../store/store-backends";
import { type Answer, ask, askGet, servedUntilRefusedBy } from "../support/rate-limit-client";
import { testConfig } from "../support/test-config";

const logger = createLogger({ level: "silent" });
const KEYS = ["key-get-one-0123456789", "key-get-two-0123456789"];
const CHEAP = "{ sources(first: 1) { edges { node { id } } } }";
const COSTLY = "{ headlines(first: 20) { edges { node { id title url summary } } } }";
const RATE = { perMinute: 60, burst: 100 };

function persisted(query: string) {
  const sha256Hash = createHash("sha256").update(query).digest("hex");
  return { persistedQuery: { version: 1, sha256Hash } };
}

function expectRateLimited(refused: Answer): void {
  expect(refused.status).toBe(429);
  const retryAfter = Number(refused.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(refused.body.errors).toHaveLength(1);
  // Outside production a refusal after parsing also carries its stack trace.
  expect(refused.body.errors[0].extensions).toMatchObject({
    code: "RATE_LIMITED",
    retryAfterSeconds: retryAfter,
  });
}

describe("the rate limits of GET requests", () => {
  let running: Running;
  let now = 1_700_000_000_000;
  beforeAll(async () => {
    // The response cache stays on: GET is how cacheable reads arrive, and a hit is no way round.
    const config = testConfig({
      apiKeys: KEYS,
      responseCache: true,
      rateLimit: { anonymous: RATE, apiKey: RATE },
    });
    const store = await createStore(config.databaseUrl);
    await store.upsertSources([makeSource("news")]);
    await store.upsertArticles([makeArticle("x1")]);
    await store.close();
    running = await startServer(config, logger, { now: () => now });
  });
  afterAll(() => running.stop());

  it("refuses a query-string operation over budget with 429, Retry-After and RATE_LIMITED", async () => {
    const { served, refused } = await servedUntilRefusedBy(() =>
      askGet(running.url!, { query: CHEAP }),
    );
    expect(served).toBeGreaterThan(10);
    expectRateLimited(refused);
    now += 60_000;
    expect((await askGet(running.url!, { query: CHEAP })).status).toBe(200);
  });

  it("refuses a persisted operation over budget the same way", async () => {
    // The hash is registered once over POST; every later request sends only the hash.
    const registered = await fetch(running.url!, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${KEYS[0]}` },
      body: JSON.stringify({ query: COSTLY, extensions: persisted(COSTLY) }),
    });
    expect(registered.status).toBe(200);
    now += 120_000;
    const { served, refused } = await servedUntilRefusedBy(() =>
      askGet(running.url!, { extensions: persisted(COSTLY) }, KEYS[0]),
    );
    // It costs more than the whole burst: a full bucket lets it through once, then no more.
    expect(served).toBe(1);
    expectRateLimited(refused);
    // Half a minute later its arrival passes and its cost does not: refused after parsing.
    now += 30_000;
    const partly = await askGet(running.url!, { extensions: persisted(COSTLY) }, KEYS[0]);
    expectRateLimited(partly);
    expect(partly.headers.get("retry-after")).toBe("70");
    // Another client's budget is its own.
    expect((await ask(running.url!, CHEAP, KEYS[1])).status).toBe(200);
  });

  it("refuses a persisted operation the response cache would answer", async () => {
    now += 60_000;
    const params = { extensions: persisted(CHEAP) };
    await fetch(running.url!, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: CHEAP, extensions: persisted(CHEAP) }),
    });
    expect((await askGet(running.url!, params)).status).toBe(200);
    const { refused } = await servedUntilRefusedBy(() => askGet(running.url!, params));
    expectRateLimited(refused);
  });
});
