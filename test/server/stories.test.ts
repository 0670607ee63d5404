import { parse } from "graphql";
import { clusterNewArticles } from "../../src/ingest/cluster-articles";
import { listBackends, makeArticle, makeSource, useStore } from "../store/store-backends";
import { createGraphqlHarness } from "../support/graphql-harness";

describe.each(listBackends())("stories on $name", (backend) => {
  const ctx = useStore(backend);

  it("clusters two sources' reports of one event at ingest and serves them as a story", async () => {
    const store = ctx.store();
    await store.upsertSources([makeSource("news"), makeSource("wire")]);
    const now = Date.now();
    const first = makeArticle("w1", {
      sourceId: "wire",
      title: "Storm closes harbour for three days",
      publishedAt: now - 3600_000,
    });
    const second = makeArticle("n1", {
      title: "Storm closes the harbour for three days",
      publishedAt: now - 600_000,
    });
    const other = makeArticle("n2", {
      title: "Council approves new library budget",
      publishedAt: now - 600_000,
    });
    await store.upsertArticles([first]);
    expect(await clusterNewArticles(store, [first])).toEqual([]);
    await store.upsertArticles([second, other]);
    expect((await clusterNewArticles(store, [second, other])).sort()).toEqual(["n1", "w1"]);
    const api = await createGraphqlHarness({ store });
    try {
      const { data, errors } = await api.execute(
        parse(
          '{ stories(window: DAY) { totalCount edges { node { id headline sourceCount articles { totalCount edges { node { id } } } } } } article(id: "n1") { story { sourceCount articles(first: 1) { pageInfo { hasNextPage endCursor } edges { node { id } } } } } lone: article(id: "n2") { story { id } } }',
        ) as never,
        {} as never,
      );
      expect(errors).toBeUndefined();
      expect((data as any).stories.totalCount).toBe(1);
      expect((data as any).stories.edges.map((e: { node: unknown }) => e.node)).toEqual([
        {
          id: "w1",
          headline: "Storm closes harbour for three days",
          sourceCount: 2,
          articles: { totalCount: 2, edges: [{ node: { id: "w1" } }, { node: { id: "n1" } }] },
        },
      ]);
      const story = (data as any).article.story;
      expect(story.sourceCount).toBe(2);
      expect(story.articles.edges).toEqual([{ node: { id: "w1" } }]);
      expect(story.articles.pageInfo.hasNextPage).toBe(true);
      const next = (await api.execute(
        parse(
          'query($after: String) { article(id: "n1") { story { articles(after: $after) { pageInfo { hasNextPage hasPreviousPage } edges { node { id } } } } } }',
        ) as never,
        { after: story.articles.pageInfo.endCursor } as never,
      )) as any;
      expect(next.errors).toBeUndefined();
      expect(next.data.article.story.articles).toEqual({
        pageInfo: { hasNextPage: false, hasPreviousPage: true },
        edges: [{ node: { id: "n1" } }],
      });
      expect((data as any).lone.story).toBeNull();
    } finally {
      await api.stop();
    }
  });

  it("relates an article to its story's other reports first, then to those sharing its tags", async () => {
    const store = ctx.store();
    await store.upsertSources([makeSource("news"), makeSource("wire")]);
    const now = Date.now();
    const tag = (slug: string) => ({ slug, name: slug, origin: "feed" as const });
    const a = makeArticle("a", {
      title: "Storm closes harbour for three days",
      publishedAt: now - 60_000,
      tags: [tag("weather"), tag("port")],
    });
    const b = makeArticle("b", {
      sourceId: "wire",
      title: "Storm closes the harbour for three days",
      publishedAt: now - 120_000,
    });
    const c = makeArticle("c", {
      title: "Ferries cancelled",
      publishedAt: now - 180_000,
      tags: [tag("weather"), tag("port")],
    });
    const d = makeArticle("d", {
      title: "Rain all week",
      publishedAt: now - 30_000,
      tags: [tag("weather")],
    });
    await store.upsertArticles([a, b, c, d]);
    await clusterNewArticles(store, [a, b]);
    const api = await createGraphqlHarness({ store });
    try {
      const { data, errors } = await api.execute(
        parse('{ article(id: "a") { related(first: 3) { id } } }') as never,
        {} as never,
      );
      expect(errors).toBeUndefined();
      expect((data as any).article.related.map((r: { id: string }) => r.id)).toEqual([
        "b",
        "c",
        "d",
      ]);
    } finally {
      await api.stop();
    }
  });

  it("counts a story in a window by any report in it, with all its reports", async () => {
    const store = ctx.store();
    await store.upsertSources([makeSource("news"), makeSource("wire")]);
    const now = Date.now();
    await store.upsertArticles([
      makeArticle("old", { publishedAt: now - 3 * 3600_000 }),
      makeArticle("new", { sourceId: "wire", publishedAt: now - 20 * 60_000 }),
    ]);
    await store.setClusters(
      new Map([
        ["old", "k"],
        ["new", "k"],
      ]),
    );
    const api = await createGraphqlHarness({ store });
    try {
      const { data, errors } = (await api.execute(
        parse(
          "{ stories(window: HOUR) { totalCount edges { node { sourceCount firstSeenAt articles { totalCount } } } } }",
        ) as never,
        {} as never,
      )) as any;
      expect(errors).toBeUndefined();
      expect(data.stories.totalCount).toBe(1);
      expect(data.stories.edges[0].node).toEqual({
        sourceCount: 2,
        firstSeenAt: new Date(now - 3 * 3600_000).toISOString(),
        articles: { totalCount: 2 },
      });
    } finally {
      await api.stop();
    }
  });

  it("pages through stories latest first with cursors", async () => {
    const store = ctx.store();
    await store.upsertSources([makeSource("news"), makeSource("wire")]);
    const now = Date.now();
    const pair = (id: string, title: string, minutesAgo: number) => [
      makeArticle(`${id}1`, { title, publishedAt: now - minutesAgo * 60_000 }),
      // Another wording: the very same headline from two sources is one article (mergeRoutes).
      makeArticle(`${id}2`, {
        sourceId: "wire",
        title: `${title} now`,
        publishedAt: now - minutesAgo * 60_000 + 1,
      }),
    ];
    const articles = [
      ...pair("s", "Storm closes harbour for three days", 5),
      ...pair("l", "Library opens new wing downtown", 50),
    ];
    await store.upsertArticles(articles);
    await clusterNewArticles(store, articles);
    const api = await createGraphqlHarness({ store });
    const q =
      "query($after: String) { stories(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { headline } } } }";
    try {
      const first = (await api.execute(parse(q) as never, {} as never)).data as any;
      expect(first.stories.totalCount).toBe(2);
      expect(first.stories.edges[0].node.headline).toBe("Storm closes harbour for three days");
      expect(first.stories.pageInfo.hasNextPage).toBe(true);
      const after = first.stories.pageInfo.endCursor;
      const second = (await api.execute(parse(q) as never, { after } as never)).data as any;
      expect(second.stories.edges[0].node.headline).toBe("Library opens new wing downtown");
      expect(second.stories.pageInfo.hasNextPage).toBe(false);
      const back = (await api.execute(
        parse(
          "query($before: String) { stories(last: 5, before: $before) { pageInfo { hasNextPage hasPreviousPage } edges { node { headline } } } }",
        ) as never,
        { before: second.stories.pageInfo.endCursor } as never,
      )) as any;
      expect(back.errors).toBeUndefined();
      expect(back.data.stories.edges.map((e: any) => e.node.headline)).toEqual([
        "Storm closes harbour for three days",
      ]);
      expect(back.data.stories.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    } finally {
      await api.stop();
    }
  });
});
