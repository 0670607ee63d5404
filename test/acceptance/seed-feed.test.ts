import { readFileSync } from "node:fs";
import { join } from "node:path";
import { print } from "graphql";
import { createLogger } from "../../src/logger";
import { runIngestPass, startServer, type Running } from "../../src/main";
import { HeadlinesDocument } from "../generated/graphql";
import { readSeedExpectations, SEED_DIR } from "../support/seed";
import { startHttpServer } from "../support/http-server";
import { createTestDatabase } from "../support/postgres";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";
import { postGraphql, testConfig } from "../support/test-config";

const seedDir = SEED_DIR;
const expected = readSeedExpectations();
const feed = readFileSync(join(seedDir, "feed.xml"));

interface Setup {
  name: string;
  stores: () => Promise<{ databaseUrl: string; redisUrl: string | null; drop(): Promise<void> }>;
}

const setups: Setup[] = [
  {
    name: "SQLite + in-process cache",
    stores: async () => ({
      databaseUrl: testConfig().databaseUrl,
      redisUrl: null,
      drop: async () => undefined,
    }),
  },
];
const pgBase = process.env.TEST_DATABASE_URL;
if (pgBase) {
  setups.push({
    name: "PostgreSQL + Redis",
    stores: async () => {
      const db = await createTestDatabase(pgBase);
      const redis: TestRedisServer = await startRedisServer();
      return {
        databaseUrl: db.url,
        redisUrl: redis.url,
        drop: async () => {
          await db.drop();
          if (redis.controllable) await redis.stop();
        },
      };
    },
  });
}

describe.each(setups)("the seed feed on $name", (setup) => {
  let feedServer: { url: string; close(): Promise<void> };
  let stores: Awaited<ReturnType<Setup["stores"]>>;
  let running: Running | null = null;
  const logger = createLogger({ level: "silent" });

  beforeAll(async () => {
    // No validators: the second ingest must re-read the whole feed and still add nothing.
    feedServer = await startHttpServer((req, res) => {
      if (req.url !== "/feed.xml") return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" }).end(feed);
    });
    stores = await setup.stores();
  });
  afterAll(async () => {
    await running?.stop();
    await feedServer.close();
    await stores.drop();
  });

  const config = () =>
    testConfig({
      databaseUrl: stores.databaseUrl,
      redisUrl: stores.redisUrl,
      sources: [
        {
          id: "world-news",
          name: "World News",
          url: `${feedServer.url}/feed.xml`,
          kind: "rss",
          intervalSeconds: 900,
        },
      ],
    });

  it("ingests exactly the four articles, and a second ingest adds and changes nothing", async () => {
    const first = await runIngestPass(config(), logger, { all: true, ids: [] });
    expect(first).toEqual([
      expect.objectContaining({
        sourceId: "world-news",
        ok: true,
        status: "200",
        items: 4,
        inserted: 4,
        updated: 0,
      }),
    ]);
    const second = await runIngestPass(config(), logger, { all: true, ids: [] });
    expect(second).toEqual([
      expect.objectContaining({ ok: true, items: 4, inserted: 0, updated: 0, unchanged: 4 }),
    ]);
  });

  it("serves them over HTTP newest first, with source and tags, and no tracking parameters", async () => {
    running = await startServer(config(), logger);
    const { status, body } = await postGraphql(running.url!, print(HeadlinesDocument), {
      first: 10,
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const nodes = body.data.headlines.edges.map((e: { node: unknown }) => e.node);
    const newestFirst = [...expected.articles].sort((a, b) =>
      b.publishedAt.localeCompare(a.publishedAt),
    );
    expect(nodes).toHaveLength(4);
    nodes.forEach((node: any, i: number) => {
      const want = newestFirst[i];
      expect(node.title).toBe(want.title);
      expect(new URL(node.url).pathname).toBe(want.path);
      expect(node.url).not.toMatch(/utm_/);
      expect(node.publishedAt).toBe(want.publishedAt);
      expect(node.summary.startsWith(want.summaryStartsWith)).toBe(true);
      expect(node.tags.map((t: { slug: string }) => t.slug).sort()).toEqual(
        [...want.feedTags].sort(),
      );
      expect(node.tags.every((t: { origin: string }) => t.origin === "FEED")).toBe(true);
      expect(node.source).toEqual({ id: "world-news", name: "World News" });
    });
    expect(body.data.headlines.totalCount).toBe(4);
  });
});
