import { createHash } from "node:crypto";
import Redis from "ioredis";
import { createLogger } from "../../src/logger";
import { startServer, type Running } from "../../src/main";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";
import { testConfig } from "../support/test-config";

const QUERY = "{ tags(first: 3) { edges { node { slug } } } }";
const HASH = createHash("sha256").update(QUERY).digest("hex");
const persisted = { persistedQuery: { version: 1, sha256Hash: HASH } };

async function send(url: string, body: Record<string, unknown>) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { data?: any; errors?: any[] };
}

describe.each([
  { name: "the in-process cache", redis: false },
  { name: "Redis", redis: true },
])("automatic persisted queries in $name", ({ redis }) => {
  let server: TestRedisServer | null = null;
  let running: Running;
  const logger = createLogger({ level: "silent" });

  beforeAll(async () => {
    server = redis ? await startRedisServer() : null;
    const config = testConfig({ redisUrl: server?.url ?? null, cachePrefix: `apq${Date.now()}:` });
    running = await startServer(config, logger);
  });
  afterAll(async () => {
    await running.stop();
    if (server?.controllable) await server.stop();
  });

  it("asks for the query on a first hash, then answers the hash alone", async () => {
    const unknown = await send(running.url!, { extensions: persisted });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const registered = await send(running.url!, { query: QUERY, extensions: persisted });
    expect(registered.errors).toBeUndefined();
    const byHash = await send(running.url!, { extensions: persisted });
    expect(byHash).toEqual(registered);
  });

  it("refuses a query that does not match its hash", async () => {
    const wrong = await send(running.url!, {
      query: "{ tags { totalCount } }",
      extensions: persisted,
    });
    expect(wrong.errors?.[0]).toEqual({
      message: "provided sha does not match query",
      extensions: { code: "BAD_REQUEST" },
    });
  });

  if (redis) {
    it("keeps the query in Redis under the prefix, with an expiry", async () => {
      const client = new Redis(server!.url);
      try {
        const keys = await client.keys("apq*:apq:*");
        expect(keys).toHaveLength(1);
        expect(await client.get(keys[0])).toBe(QUERY);
        expect(await client.ttl(keys[0])).toBeGreaterThan(0);
      } finally {
        client.disconnect();
      }
    });
  }
});
