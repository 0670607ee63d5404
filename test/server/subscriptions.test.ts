import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "graphql-ws";
import Redis from "ioredis";
import WebSocket from "ws";
import { createLogger } from "../../src/logger";
import { runIngestPass, startServer, type Running } from "../../src/main";
import { startHttpServer, type TestHttpServer } from "../support/http-server";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";
import { testConfig } from "../support/test-config";

const feed = readFileSync(join(__dirname, "../fixtures/seed/feed.xml"));
const logger = createLogger({ level: "silent" });
const PREFIX = `sub${Date.now()}:`;

describe("articleAdded over graphql-ws, across instances through Redis", () => {
  let redis: TestRedisServer;
  let site: TestHttpServer;
  let gateway: Running;
  let config: ReturnType<typeof testConfig>;

  beforeAll(async () => {
    redis = await startRedisServer();
    site = await startHttpServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(feed);
    });
    config = testConfig({
      redisUrl: redis.url,
      cachePrefix: PREFIX,
      sources: [{ id: "seed", name: "Seed", url: `${site.url}/feed.xml`, kind: "rss" }],
    });
    gateway = await startServer(config, logger);
  });
  afterAll(async () => {
    await gateway.stop();
    await site.close();
    if (redis.controllable) await redis.stop();
  });

  it("tells a subscriber on one instance of the articles a worker elsewhere stores, filtered", async () => {
    const client = createClient({
      url: gateway.url!.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const titles: string[] = [];
    let done: () => void;
    const twoArrived = new Promise<void>((resolve) => (done = resolve));
    const unsubscribe = client.subscribe(
      {
        query: 'subscription { articleAdded(filter: { tags: ["china"] }) { title source { id } } }',
      },
      {
        next: (msg) => {
          titles.push((msg.data as any).articleAdded.title);
          if (titles.length === 2) done();
        },
        error: (err) => {
          throw err;
        },
        complete: () => undefined,
      },
    );
    await untilSubscribed(redis.url, `${PREFIX}events:articleAdded`);
    // The worker is another gateway over the same store and Redis, as `newsgate ingest` runs it.
    const [report] = await runIngestPass(config, logger, { all: true, ids: [] });
    expect(report).toEqual(expect.objectContaining({ ok: true, inserted: 4 }));
    await twoArrived;
    unsubscribe();
    await client.dispose();
    expect(titles.sort()).toEqual([
      "China Unveils New Rules to Regulate International Car Data Transfers, Paving Way for Tech Growth",
      "China’s Innovation Surge: Trade War Fuels Independent Advancements and Global Recognition",
    ]);
  });
});

describe("subscription limits", () => {
  it("refuses a subscription deeper than the query limits before it starts", async () => {
    const running = await startServer(testConfig(), logger);
    const client = createClient({
      url: running.url!.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    try {
      const nest = (depth: number): string =>
        depth === 0
          ? "id"
          : `source { articles(first: 1) { edges { node { ${nest(depth - 1)} } } } }`;
      const errors = await new Promise<readonly { message: string }[]>((resolve, reject) => {
        client.subscribe(
          { query: `subscription { articleAdded { ${nest(6)} } }` },
          {
            next: () => reject(new Error("expected no event")),
            error: (e) => resolve(e as never),
            complete: () => resolve([]),
          },
        );
      });
      expect(errors[0]?.message).toMatch(/depth limit/);
    } finally {
      await client.dispose();
      await running.stop();
    }
  });
});

describe("subscription errors in production", () => {
  it("suggest no field names", async () => {
    const running = await startServer(testConfig({ env: "production" }), logger);
    const client = createClient({
      url: running.url!.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    try {
      const errors = await new Promise<readonly { message: string }[]>((resolve, reject) => {
        client.subscribe(
          { query: "subscription { articleAdded { titel } }" },
          {
            next: () => reject(new Error("expected no event")),
            error: (e) => resolve(e as never),
            complete: () => resolve([]),
          },
        );
      });
      expect(errors.map((e) => e.message)).toEqual([
        'Cannot query field "titel" on type "Article".',
      ]);
    } finally {
      await client.dispose();
      await running.stop();
    }
  });
});

// Waits until the gateway's Redis subscription is in place (no publish may be lost to a race).
async function untilSubscribed(url: string, channel: string): Promise<void> {
  const probe = new Redis(url);
  try {
    for (;;) {
      const [, count] = (await probe.pubsub("NUMSUB", channel)) as [string, number];
      if (Number(count) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    probe.disconnect();
  }
}
