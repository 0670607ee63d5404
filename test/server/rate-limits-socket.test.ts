import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import { createLogger } from "../../src/logger";
import { startServer, type Running } from "../../src/main";
import { createStore } from "../../src/store/create-store";
import { makeArticle, makeSource } from "../store/store-backends";
import { servedUntilRefused } from "../support/rate-limit-client";
import { testConfig } from "../support/test-config";

const logger = createLogger({ level: "silent" });
const KEY = "key-socket-0123456789";
const CHEAP = "{ sources(first: 1) { edges { node { id } } } }";
const SUBSCRIPTION = "subscription { articleAdded { id title } }";
const RATE = { perMinute: 60, burst: 100 };

interface Outcome {
  data?: unknown;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** Runs one operation over the socket: its first result, or the errors it was refused with. */
function runOnce(client: Client, query: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const unsubscribe = client.subscribe(
      { query },
      {
        next: (result) => {
          unsubscribe();
          resolve(result as Outcome);
        },
        error: (errors) => resolve({ errors: errors as Outcome["errors"] }),
        complete: () => undefined,
      },
    );
  });
}

/** Runs `query` until the server refuses it (at most `max` times); how many were served. */
async function servedOverSocketUntilRefused(client: Client, query: string, max = 200) {
  for (let served = 0; served < max; served++) {
    const outcome = await runOnce(client, query);
    if (outcome.errors) return { served, errors: outcome.errors };
    expect(outcome.data).toBeDefined();
  }
  throw new Error(`still served after ${max} operations`);
}

function expectRateLimited(errors: Outcome["errors"]): void {
  expect(errors).toHaveLength(1);
  expect(errors![0]!.extensions).toEqual({
    code: "RATE_LIMITED",
    retryAfterSeconds: expect.any(Number),
  });
  expect(errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
}

describe("the rate limits of the WebSocket transport", () => {
  let running: Running;
  let now = 1_700_000_000_000;
  const clients: Client[] = [];
  const connect = (key?: string) => {
    const client = createClient({
      url: running.url!.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      ...(key !== undefined && { connectionParams: { authorization: `Bearer ${key}` } }),
    });
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    const config = testConfig({
      apiKeys: [KEY],
      responseCache: false,
      rateLimit: { anonymous: RATE, apiKey: RATE },
    });
    const store = await createStore(config.databaseUrl);
    await store.upsertSources([makeSource("news")]);
    await store.upsertArticles([makeArticle("x1")]);
    await store.close();
    running = await startServer(config, logger, { now: () => now });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await running.stop();
  });

  it("refuses an operation of a client over budget with RATE_LIMITED, and a subscription too", async () => {
    const client = connect();
    const { served, errors } = await servedOverSocketUntilRefused(client, CHEAP);
    expect(served).toBeGreaterThan(10);
    expectRateLimited(errors);
    expectRateLimited((await runOnce(client, SUBSCRIPTION)).errors);
    // A client with its own key has its own bucket on the same socket server.
    expect((await runOnce(connect(KEY), CHEAP)).errors).toBeUndefined();
  });

  it("serves the client again once its bucket has refilled", async () => {
    const client = connect();
    expectRateLimited((await runOnce(client, CHEAP)).errors);
    now += 60_000;
    expect((await runOnce(client, CHEAP)).errors).toBeUndefined();
  });

  it("charges one bucket per client whichever transport it uses", async () => {
    now += 120_000;
    const { refused } = await servedUntilRefused(running.url!, CHEAP);
    expect(refused.status).toBe(429);
    expectRateLimited((await runOnce(connect(), SUBSCRIPTION)).errors);
  });
});
