import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { flushViewCounts } from "../../src/cache/flush-view-counts";
import type { Config } from "../../src/config";
import { createLogger } from "../../src/logger";
import { type Gateway, openGateway, type Running, serveGateway } from "../../src/main";
import { makeArticle, makeSource, MINUTE, T0 } from "../store/store-backends";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";
import { testConfig } from "../support/test-config";

const logger = createLogger({ level: "silent" });
const FRONT =
  "query Front($first: Int!) { headlines(first: $first) { edges { node { id title } } } }";
const POPULAR = "{ popular(first: 5) { edges { node { id } } } }";

interface Served {
  gateway: Gateway;
  running: Running;
  url: string;
  /** SQL statements run so far. */
  statements(): number;
}

async function serve(config: Config): Promise<Served> {
  let statements = 0;
  const gateway = await openGateway(config, logger, { onQuery: () => statements++ });
  const running = await serveGateway(gateway, config, logger);
  return { gateway, running, url: running.url!, statements: () => statements };
}

async function seed(gateway: Gateway, count: number, from = 0): Promise<string[]> {
  await gateway.store.upsertSources([makeSource("news")]);
  const articles = Array.from({ length: count }, (_, i) =>
    makeArticle(`r${from + i}`, { publishedAt: T0 + (from + i) * MINUTE }),
  );
  await gateway.store.upsertArticles(articles);
  return articles.map((a) => a.id);
}

async function post(url: string, query: string, variables = {}, headers = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { res, cache: res.headers.get("x-newsgate-cache"), body: (await res.json()) as any };
}

const ids = (body: any, field = "headlines") =>
  body.data[field].edges.map((e: { node: { id: string } }) => e.node.id);

describe.each([
  { name: "in process", redis: false },
  { name: "in Redis", redis: true },
])("the response cache $name", ({ redis }) => {
  let server: TestRedisServer | null = null;
  let served: Served;
  let config: Config;

  beforeAll(async () => {
    server = redis ? await startRedisServer() : null;
  });
  afterAll(async () => {
    if (server?.controllable) await server.stop();
  });
  beforeEach(async () => {
    config = testConfig({ redisUrl: server?.url ?? null, cachePrefix: `rc${Date.now()}:` });
    served = await serve(config);
  });
  afterEach(async () => {
    await served.running.stop();
  });

  it("answers a repeated query from the cache, the same bytes without running it", async () => {
    await seed(served.gateway, 5);
    const first = await post(served.url, FRONT, { first: 3 });
    expect(first.cache).toBe("miss");
    const before = served.statements();
    const again = await post(served.url, FRONT, { first: 3 });
    expect(again.cache).toBe("hit");
    expect(again.body).toEqual(first.body);
    expect(again.res.headers.get("etag")).toBe(first.res.headers.get("etag"));
    expect(served.statements()).toBe(before);
    // Other variables are another response.
    expect((await post(served.url, FRONT, { first: 2 })).cache).toBe("miss");
  });

  it("serves what an ingest added as soon as it is stored", async () => {
    await seed(served.gateway, 3);
    expect(ids((await post(served.url, FRONT, { first: 2 })).body)).toEqual(["r2", "r1"]);
    const added = await seed(served.gateway, 1, 3);
    await served.gateway.reads.invalidate(added);
    const after = await post(served.url, FRONT, { first: 2 });
    expect(after.cache).toBe("miss");
    expect(ids(after.body)).toEqual(["r3", "r2"]);
  });

  it("keeps a view ranking until the views are flushed, and the front page through it", async () => {
    const [a, b] = await seed(served.gateway, 2);
    const { gateway } = served;
    await gateway.views.record(a, "reader-1", Date.now());
    await flushViewCounts(gateway.views, gateway.store, gateway.generations);
    await post(served.url, FRONT, { first: 2 });
    expect(ids((await post(served.url, POPULAR)).body, "popular")).toEqual([a]);
    await gateway.views.record(b, "reader-1", Date.now());
    await gateway.views.record(b, "reader-2", Date.now());
    expect((await post(served.url, POPULAR)).cache).toBe("hit");
    await flushViewCounts(gateway.views, gateway.store, gateway.generations);
    const popular = await post(served.url, POPULAR);
    expect(popular.cache).toBe("miss");
    expect(ids(popular.body, "popular")).toEqual([b, a]);
    expect((await post(served.url, FRONT, { first: 2 })).cache).toBe("hit");
  });

  it("never keeps a mutation, an answer with errors, or what a client with credentials asked", async () => {
    const [a] = await seed(served.gateway, 1);
    const view = `mutation { recordView(articleId: "${a}") { counted } }`;
    await post(served.url, view);
    expect((await post(served.url, view)).cache).toBeNull();
    const broken = '{ headlines(filter: { language: "not a tag" }) { totalCount } }';
    await post(served.url, broken);
    const again = await post(served.url, broken);
    expect(again.cache).toBe("miss");
    expect(again.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const auth = { authorization: "Bearer someone" };
    await post(served.url, FRONT, { first: 1 }, auth);
    expect((await post(served.url, FRONT, { first: 1 }, auth)).cache).toBeNull();
  });

  it("runs a burst of identical misses once", async () => {
    await seed(served.gateway, 20);
    await post(served.url, FRONT, { first: 10 });
    const one = served.statements();
    await served.gateway.clearCaches();
    await post(served.url, FRONT, { first: 10 });
    const single = served.statements() - one;
    await served.gateway.clearCaches();
    const before = served.statements();
    const burst = await Promise.all(
      Array.from({ length: 200 }, () => post(served.url, FRONT, { first: 10 })),
    );
    expect(burst.every((r) => r.res.status === 200 && ids(r.body).length === 10)).toBe(true);
    expect(burst.filter((r) => r.cache === "miss")).toHaveLength(1);
    expect(served.statements() - before).toBe(single);
  });

  it("answers GET of a persisted query with Cache-Control and an ETag a client can revalidate", async () => {
    await seed(served.gateway, 2);
    const query = "{ headlines(first: 2) { edges { node { id } } } }";
    const hash = createHash("sha256").update(query).digest("hex");
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
    await post(served.url, query, {}, {});
    const get = (headers: Record<string, string> = {}) =>
      fetch(`${served.url}?extensions=${encodeURIComponent(extensions)}`, {
        headers: { "apollo-require-preflight": "true", ...headers },
      });
    await fetch(served.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, extensions: JSON.parse(extensions) }),
    });
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(((await res.json()) as any).data.headlines.edges).toHaveLength(2);
    const revalidated = await get({ "if-none-match": etag });
    expect(revalidated.status).toBe(304);
    // A GET that a browser could send across origins unasked is Apollo's to refuse.
    const simple = await fetch(`${served.url}?extensions=${encodeURIComponent(extensions)}`);
    expect(simple.status).toBe(400);
  });

  if (redis) {
    it("shares responses between gateways, and one's ingest retires them for both", async () => {
      await seed(served.gateway, 3);
      const other = await serve({ ...config, port: 0 });
      try {
        await post(served.url, FRONT, { first: 2 });
        expect((await post(other.url, FRONT, { first: 2 })).cache).toBe("hit");
        await served.gateway.reads.invalidate(await seed(served.gateway, 1, 3));
        const fresh = await post(other.url, FRONT, { first: 2 });
        expect(fresh.cache).toBe("miss");
        expect(ids(fresh.body)).toEqual(["r3", "r2"]);
      } finally {
        await other.running.stop();
      }
    });

    it("reads a stored response it cannot decode as a miss", async () => {
      await seed(served.gateway, 2);
      await post(served.url, FRONT, { first: 2 });
      const raw = new Redis(server!.url);
      try {
        const keys = await raw.keys(`${config.cachePrefix}c:response:*`);
        expect(keys.length).toBeGreaterThan(0);
        for (const key of keys) await raw.set(key, "garbage");
        const again = await post(served.url, FRONT, { first: 2 });
        expect(again.cache).toBe("miss");
        expect(ids(again.body)).toEqual(["r1", "r0"]);
      } finally {
        raw.disconnect();
      }
    });
  }
});

describe("the response cache switched off", () => {
  it("runs every request", async () => {
    const served = await serve(testConfig({ responseCache: false }));
    try {
      await seed(served.gateway, 2);
      await post(served.url, FRONT, { first: 2 });
      const again = await post(served.url, FRONT, { first: 2 });
      expect(again.cache).toBeNull();
      expect(ids(again.body)).toEqual(["r1", "r0"]);
    } finally {
      await served.running.stop();
    }
  });
});
