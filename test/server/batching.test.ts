import { createReadPath } from "../../src/server/read-path";
import { createCacheKeys } from "../../src/cache/cache-keys";
import { parse } from "graphql";
import { createMemoryCache } from "../../src/cache/memory-cache";
import { createMemoryViewCounter } from "../../src/cache/memory-view-counter";
import type { Store } from "../../src/store/store";
import { HeadlinesDocument } from "../generated/graphql";
import { countCalls } from "../support/count-calls";
import { createGraphqlHarness } from "../support/graphql-harness";
import {
  feedTag,
  listBackends,
  makeArticle,
  makeSource,
  MINUTE,
  T0,
  useStore,
} from "../store/store-backends";

async function seed(store: Store): Promise<void> {
  await store.upsertSources(["s0", "s1", "s2", "s3", "s4"].map((id) => makeSource(id)));
  await store.upsertArticles(
    Array.from({ length: 120 }, (_, i) =>
      makeArticle(`b${String(i).padStart(3, "0")}`, {
        sourceId: `s${i % 5}`,
        publishedAt: T0 + i * MINUTE,
        tags: [feedTag(`t${i % 7}`), feedTag("all")],
      }),
    ),
  );
  // Twelve stories of ten reports from five sources each.
  await store.setClusters(
    new Map(
      Array.from({ length: 120 }, (_, i) => [`b${String(i).padStart(3, "0")}`, `k${i % 12}`]),
    ),
  );
}

/** Store and cache calls made by one cold headlines query of `first` articles. */
async function callsFor(
  store: Store,
  first: number,
): Promise<{ store: number; cache: number; edges: number }> {
  const countedStore = countCalls(store);
  const countedCache = countCalls(createMemoryCache({ maxEntries: 1000 }));
  const api = await createGraphqlHarness({ store: countedStore.proxy, cache: countedCache.proxy });
  const { data, errors } = await api.execute(HeadlinesDocument, { first });
  await api.stop();
  expect(errors).toBeUndefined();
  for (const edge of data!.headlines.edges) {
    expect(edge.node.source?.id).toMatch(/^s\d$/);
    expect(edge.node.tags.map((t) => t.slug)).toContain("all");
  }
  return {
    store: countedStore.total(),
    cache: countedCache.total(),
    edges: data!.headlines.edges.length,
  };
}

describe.each(listBackends())("nested reads on $name", (backend) => {
  const ctx = useStore(backend);
  beforeEach(() => seed(ctx.store()));

  it("makes the same number of store and cache calls for 50 articles as for 5", async () => {
    const small = await callsFor(ctx.store(), 5);
    const large = await callsFor(ctx.store(), 50);
    expect(small.edges).toBe(5);
    expect(large.edges).toBe(50);
    expect(large.store).toBe(small.store);
    expect(large.cache).toBe(small.cache);
    // list + articles + sources: tags arrive with the articles and are primed into their loader.
    expect(large.store).toBeLessThanOrEqual(3);
  });

  it("makes the same calls for 100 articles with source, tags, story and popularity as for 5", async () => {
    const query = parse(`query($first: Int!) { headlines(first: $first) { edges { node { id
      source { name } tags { slug }
      story { sourceCount headline articles(first: 3) { edges { node { title source { name } } } } }
      popularity { views viewsInWindow(window: DAY) rank sourceRank score } } } } }`);
    const callsWith = async (first: number) => {
      const store = countCalls(ctx.store());
      const cache = countCalls(createMemoryCache({ maxEntries: 1000 }));
      const views = countCalls(createMemoryViewCounter());
      const api = await createGraphqlHarness({
        store: store.proxy,
        cache: cache.proxy,
        views: views.proxy,
      });
      const { data, errors } = await api.execute(query as never, { first } as never);
      await api.stop();
      expect(errors).toBeUndefined();
      expect((data as any).headlines.edges).toHaveLength(first);
      expect((data as any).headlines.edges[0].node.story.articles.edges).toHaveLength(3);
      return [store.total(), cache.total(), views.total()];
    };
    expect(await callsWith(100)).toEqual(await callsWith(5));
  });

  it("reads the related articles of a whole page with one store call", async () => {
    const query = parse(`query($first: Int!) { headlines(first: $first) { edges { node { id
      related(first: 3) { id source { name } } } } } }`);
    const callsWith = async (first: number) => {
      const store = countCalls(ctx.store());
      const api = await createGraphqlHarness({ store: store.proxy });
      const { data, errors } = await api.execute(query as never, { first } as never);
      await api.stop();
      expect(errors).toBeUndefined();
      const edges = (data as any).headlines.edges;
      expect(edges).toHaveLength(first);
      expect(edges.every((e: any) => e.node.related.length === 3)).toBe(true);
      return { related: store.calls.get("listRelated"), all: store.total() };
    };
    const [small, large] = [await callsWith(5), await callsWith(100)];
    expect(small.related).toBe(1);
    expect(large.related).toBe(1);
    // The page's articles, then those related to it that the page does not hold: a few
    // calls per level, whatever the page size.
    expect(large.all).toBeLessThanOrEqual(small.all);
  });

  it("loads a cold article once for 500 concurrent requests, and a cold page once for 200", async () => {
    const store = countCalls(ctx.store());
    const cache = countCalls(createMemoryCache({ maxEntries: 1000 }));
    const api = await createGraphqlHarness({ store: store.proxy, cache: cache.proxy });
    const one = parse(
      `query($id: ID!) { article(id: $id) { id title contentHtml source { name } } }`,
    );
    const answers = await Promise.all(
      Array.from({ length: 500 }, () => api.execute(one as never, { id: "b007" } as never)),
    );
    const page = await Promise.all(
      Array.from({ length: 200 }, () => api.execute(HeadlinesDocument, { first: 20 })),
    );
    await api.stop();
    expect(answers.every((a) => !a.errors && (a.data as any).article.id === "b007")).toBe(true);
    expect(page.every((a) => !a.errors && a.data!.headlines.edges.length === 20)).toBe(true);
    // Each request has its own loaders; the flights they share are keyed by what they load.
    expect(store.calls.get("getArticleCards")).toBe(2);
    expect(store.calls.get("getArticleBodies")).toBe(1);
    expect(store.calls.get("listLatest")).toBe(1);
  });

  it("serves a warm page from the cache without touching the store's article reads", async () => {
    const counted = countCalls(ctx.store());
    const cache = createMemoryCache({ maxEntries: 1000 });
    const { reads } = createReadPath({
      views: createMemoryViewCounter(),
      store: counted.proxy,
      cache,
      keys: createCacheKeys("test:"),
      articleTtlSeconds: 300,
      listTtlSeconds: 60,
    });
    const first = await reads.listLatest({ filter: {}, first: 10 });
    await reads.getCards(first.items.map((p) => p.id));
    counted.calls.clear();
    const again = await reads.listLatest({ filter: {}, first: 10 });
    const cards = await reads.getCards(again.items.map((p) => p.id));
    expect(cards.size).toBe(10);
    expect(counted.total()).toBe(0);
  });
});
