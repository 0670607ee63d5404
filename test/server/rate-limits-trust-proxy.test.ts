import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Config, loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { startServer, type Running } from "../../src/main";
import { createStore } from "../../src/store/create-store";
import { makeArticle, makeSource } from "../store/store-backends";
import { ask, servedUntilRefusedBy } from "../support/rate-limit-client";
import { testConfig } from "../support/test-config";

const logger = createLogger({ level: "silent" });
const CHEAP = "{ sources(first: 1) { edges { node { id } } } }";
const RATE = { perMinute: 60, burst: 40 };

/** TRUST_PROXY as the environment gives it, read by the real config parser. */
function trustProxy(value: string | undefined): Config["trustProxy"] {
  const dir = mkdtempSync(join(tmpdir(), "newsgate-trust-"));
  const env = value === undefined ? {} : { TRUST_PROXY: value };
  return loadConfig(env, { cwd: dir, packageRoot: dir }).trustProxy;
}

async function serve(trust: string | undefined): Promise<Running> {
  const config = testConfig({
    responseCache: false,
    rateLimit: { anonymous: RATE, apiKey: null },
    trustProxy: trustProxy(trust),
  });
  const store = await createStore(config.databaseUrl);
  await store.upsertSources([makeSource("news")]);
  await store.upsertArticles([makeArticle("x1")]);
  await store.close();
  // A fixed clock: no bucket refills while a test runs.
  return startServer(config, logger, { now: () => 1_700_000_000_000 });
}

/** Spends the bucket of requests sent with this X-Forwarded-For; then asks once more with another. */
async function drainThenAskAs(running: Running, drained: string, other: string) {
  const send = (forwarded: string) =>
    ask(running.url!, CHEAP, undefined, { "x-forwarded-for": forwarded });
  const { served, refused } = await servedUntilRefusedBy(() => send(drained));
  expect(served).toBeGreaterThan(1);
  expect(refused.body.errors[0].extensions.code).toBe("RATE_LIMITED");
  return send(other);
}

describe("TRUST_PROXY and the rate limits, over HTTP", () => {
  const running: Running[] = [];
  const start = async (trust: string | undefined) => {
    const server = await serve(trust);
    running.push(server);
    return server;
  };
  afterAll(() => Promise.all(running.map((server) => server.stop())));

  it("without it, charges the peer: spoofed X-Forwarded-For addresses share one bucket", async () => {
    const server = await start(undefined);
    expect((await drainThenAskAs(server, "198.51.100.1", "198.51.100.2")).status).toBe(429);
  });

  it("with 0, is off as if unset", async () => {
    const server = await start("0");
    expect((await drainThenAskAs(server, "198.51.100.1", "198.51.100.2")).status).toBe(429);
  });

  it("with a hop count, charges each forwarded client its own bucket", async () => {
    const server = await start("1");
    expect((await drainThenAskAs(server, "198.51.100.1", "198.51.100.2")).status).toBe(200);
  });

  it("with a hop count, reads only the trusted hops: a client cannot name itself", async () => {
    const server = await start("1");
    const res = await drainThenAskAs(server, "6.6.6.6, 198.51.100.7", "7.7.7.7, 198.51.100.7");
    expect(res.status).toBe(429);
  });

  it("with the proxy's address, trusts it to name the client", async () => {
    const server = await start("127.0.0.1");
    expect((await drainThenAskAs(server, "198.51.100.1", "198.51.100.2")).status).toBe(200);
  });

  it("with another proxy's CIDR, charges the peer", async () => {
    const server = await start("10.0.0.0/8");
    expect((await drainThenAskAs(server, "198.51.100.1", "198.51.100.2")).status).toBe(429);
  });
});
