import { setTimeout as delay } from "node:timers/promises";
import Redis from "ioredis";
import { createLogger } from "../../src/logger";
import { startServer, type Running } from "../../src/main";
import { createStore } from "../../src/store/create-store";
import { feedTag, makeArticle, makeSource, MINUTE, T0 } from "../store/store-backends";
import { startRedisServer, type TestRedisServer } from "../support/redis-server";
import { postGraphql, testConfig } from "../support/test-config";

const VIEW = `mutation { recordView(articleId: "r1") { counted views } }`;
const POPULARITY = `{ article(id: "r1") { popularity { views } } }`;
const QUERY = `{ headlines(first: 5) { totalCount edges { node { id title source { id } tags { slug } } } } }`;

/** Polls `check` (bounded: at most `tries` times, `ms` apart) until it returns true. */
async function eventually(check: () => Promise<boolean>, tries = 100, ms = 100): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await delay(ms);
  }
  return false;
}

describe("the gateway while its Redis goes away and comes back", () => {
  let redis: TestRedisServer;
  let running: Running;
  let probe: Redis;

  beforeAll(async () => {
    redis = await startRedisServer();
    const config = testConfig({ redisUrl: redis.url, cachePrefix: "outage:" });
    const store = await createStore(config.databaseUrl);
    await store.upsertSources([makeSource("news")]);
    await store.upsertArticles(
      Array.from({ length: 8 }, (_, i) =>
        makeArticle(`r${i}`, { publishedAt: T0 + i * MINUTE, tags: [feedTag("t")] }),
      ),
    );
    await store.close();
    running = await startServer(config, createLogger({ level: "silent" }));
    probe = new Redis(redis.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
    });
  });
  afterAll(async () => {
    probe.disconnect();
    await running.stop();
    if (redis.controllable) await redis.stop();
  });

  const readyz = async () =>
    (await (await fetch(running.url!.replace(/graphql$/, "readyz"))).json()) as {
      cache: string;
      views: { redis: string; views: number };
    };
  const cachedKeys = async () => {
    if (probe.status !== "ready") await probe.connect().catch(() => undefined);
    return (await probe.keys("outage:*")).length;
  };

  it("reads a cached article that does not decode as a miss: deleted, reloaded, counted in /readyz", async () => {
    const ARTICLE = `{ article(id: "r3") { id title } }`;
    expect((await postGraphql(running.url!, ARTICLE)).body.data.article.id).toBe("r3");
    if (probe.status !== "ready") await probe.connect();
    const cards = await probe.keys("outage:*card*r3*");
    expect(cards).toHaveLength(1);
    await probe.set(cards[0], "{not json");
    const before = ((await readyz()) as { badCacheValues?: number }).badCacheValues ?? 0;
    const again = await postGraphql(running.url!, `{ again: article(id: "r3") { id title } }`);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data.again).toEqual({ id: "r3", title: expect.any(String) });
    expect(((await readyz()) as { badCacheValues?: number }).badCacheValues).toBe(before + 1);
    expect(await probe.get(cards[0])).not.toBe("{not json");
  });

  it("serves every query from the store while Redis is down, and uses Redis again once it is back", async () => {
    if (!redis.controllable) return void console.warn("REDIS_URL is external: outage test skipped");
    const expected = await postGraphql(running.url!, QUERY);
    expect(expected.body.data.headlines.totalCount).toBe(8);
    expect(await cachedKeys()).toBeGreaterThan(0);

    const during: Promise<unknown>[] = [];
    const stopping = redis.stop();
    for (let i = 0; i < 20; i++) during.push(postGraphql(running.url!, QUERY));
    await stopping;
    probe.disconnect();
    for (let i = 0; i < 20; i++) during.push(postGraphql(running.url!, QUERY));
    for (const res of (await Promise.all(during)) as { status: number; body: unknown }[]) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expected.body);
    }
    expect(await readyz()).toMatchObject({ ready: true, store: "up", cache: "down" });
    // A view answers at once while Redis is down and is held here, shown on /readyz.
    const view = await postGraphql(running.url!, VIEW);
    expect(view.body.data).toEqual({ recordView: { counted: true, views: 1 } });
    expect((await readyz()).views).toMatchObject({ redis: "down", views: 1, overflow: 0 });

    await redis.start();
    const recovered = await eventually(async () => {
      await postGraphql(running.url!, QUERY);
      return (await readyz()).cache === "up";
    });
    expect(recovered).toBe(true);
    // Replayed into Redis once it is back: counted there now, and still one view in all.
    expect(await eventually(async () => (await readyz()).views.views === 0)).toBe(true);
    expect((await postGraphql(running.url!, POPULARITY)).body.data).toEqual({
      article: { popularity: { views: 1 } },
    });
    const again = await postGraphql(running.url!, QUERY);
    expect(again.body).toEqual(expected.body);
    expect(await eventually(async () => (await cachedKeys()) > 0)).toBe(true);
  });
});
