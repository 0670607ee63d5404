import {
  ArticleDocument,
  HeadlinesDocument,
  SourceDocument,
  SourcesDocument,
  TagsDocument,
  type HeadlinesQuery,
  type HeadlinesQueryVariables,
} from "../generated/graphql";
import { createGraphqlHarness, type GraphqlHarness } from "../support/graphql-harness";
import {
  feedTag,
  listBackends,
  makeArticle,
  makeSource,
  MINUTE,
  T0,
  useStore,
} from "../store/store-backends";

describe.each(listBackends())("GraphQL reads on $name", (backend) => {
  const ctx = useStore(backend);
  let api: GraphqlHarness;

  beforeEach(async () => {
    const store = ctx.store();
    await store.upsertSources([makeSource("news"), makeSource("wire", { name: "The Wire" })]);
    const articles = Array.from({ length: 25 }, (_, i) =>
      makeArticle(`a${String(i).padStart(2, "0")}`, {
        sourceId: i % 5 === 0 ? "wire" : "news",
        publishedAt: T0 + i * MINUTE,
        tags: i % 2 === 0 ? [feedTag("even", "Even")] : [feedTag("odd", "Odd")],
        language: i < 20 ? "en" : "de",
      }),
    );
    await store.upsertArticles(articles);
    api = await createGraphqlHarness({ store });
  });
  afterEach(() => api.stop());

  it("returns twenty headlines newest first by default, with source and tags", async () => {
    const { data, errors } = await api.execute(HeadlinesDocument, {});
    expect(errors).toBeUndefined();
    const edges = data!.headlines.edges;
    expect(edges).toHaveLength(20);
    expect(edges[0].node.id).toBe("a24");
    expect(edges[0].node.publishedAt).toBe(new Date(T0 + 24 * MINUTE).toISOString());
    expect(edges[0].node.tags).toEqual([{ slug: "even", name: "Even", origin: "FEED" }]);
    expect(edges[0].node.source).toEqual({ id: "news", name: "Source news" });
    expect(edges[4].node.source).toEqual({ id: "wire", name: "The Wire" });
    expect(data!.headlines.totalCount).toBe(25);
    expect(data!.headlines.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it("pages through every article exactly once with after cursors", async () => {
    const seen: string[] = [];
    let after: string | null | undefined = undefined;
    for (let page = 0; page < 10; page++) {
      const {
        data,
        errors,
      }: Awaited<ReturnType<typeof api.execute<HeadlinesQuery, HeadlinesQueryVariables>>> =
        await api.execute(HeadlinesDocument, { first: 7, after });
      expect(errors).toBeUndefined();
      seen.push(...data!.headlines.edges.map((e) => e.node.id));
      if (!data!.headlines.pageInfo.hasNextPage) break;
      after = data!.headlines.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen).toEqual([...seen].sort().reverse());
  });

  it("filters by source, tag, language and time window together", async () => {
    const { data } = await api.execute(HeadlinesDocument, {
      first: 100,
      filter: {
        sources: ["news"],
        tags: ["even"],
        language: "en",
        since: new Date(T0 + 4 * MINUTE).toISOString(),
        until: new Date(T0 + 18 * MINUTE).toISOString(),
      },
    });
    expect(data!.headlines.edges.map((e) => e.node.id)).toEqual([
      "a16",
      "a14",
      "a12",
      "a08",
      "a06",
      "a04",
    ]);
    expect(data!.headlines.totalCount).toBe(6);
  });

  it("rejects a page larger than 100 with BAD_USER_INPUT naming the argument", async () => {
    const { data, errors } = await api.execute(HeadlinesDocument, { first: 101 });
    expect(data).toBeNull();
    expect(errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0].message).toMatch(/first/);
  });

  it("rejects a cursor it did not issue with BAD_USER_INPUT", async () => {
    const { errors } = await api.execute(HeadlinesDocument, { after: "bm90LWEtY3Vyc29y" });
    expect(errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0].message).toMatch(/cursor/);
  });

  it("rejects a malformed tag slug in the filter", async () => {
    const { errors } = await api.execute(HeadlinesDocument, { filter: { tags: ["Not A Slug!"] } });
    expect(errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0].message).toMatch(/tags/);
  });

  it("returns the full story by id, and null for an unknown id", async () => {
    const { data } = await api.execute(ArticleDocument, { id: "a03" });
    expect(data!.article).toMatchObject({
      id: "a03",
      title: "Title a03",
      contentHtml: "<p>Body of a03</p>",
      contentText: "Body of a03",
      author: "Ada Lovelace",
      wordCount: 3,
      readingTimeMinutes: 1,
      source: { id: "news", kind: "RSS" },
      tags: [{ slug: "odd", name: "Odd", origin: "FEED" }],
    });
    const missing = await api.execute(ArticleDocument, { id: "nope" });
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.article).toBeNull();
  });

  it("lists tags by article count and sources with their health", async () => {
    const tags = await api.execute(TagsDocument, { first: 10 });
    expect(tags.data!.tags.edges.map((e) => e.node)).toEqual([
      { slug: "even", name: "Even", articleCount: 13 },
      { slug: "odd", name: "Odd", articleCount: 12 },
    ]);
    expect(tags.data!.tags.totalCount).toBe(2);
    const sources = await api.execute(SourcesDocument, {});
    const nodes = sources.data!.sources.edges.map((e) => e.node);
    expect(nodes.map((s) => s.id)).toEqual(["news", "wire"]);
    expect(nodes[0]).toMatchObject({
      intervalSeconds: 600,
      schedule: null,
      tags: [],
    });
    expect(nodes[0].health).toEqual({
      status: "pending",
      lastStatus: null,
      lastHttpStatus: null,
      lastError: null,
      lastFetchedAt: null,
      lastSuccessAt: null,
      nextCheckAt: new Date(T0).toISOString(),
      nextCheckReason: "INTERVAL",
      consecutiveFailures: 0,
      itemsSeen: 0,
      fetchCount: 0,
      notModifiedCount: 0,
      notModifiedShare: null,
    });
  });

  it("shows a source's schedule, tags and fetch health: next check, reason, 304 share", async () => {
    const store = ctx.store();
    await store.upsertSources([
      makeSource("news", { intervalSeconds: null, schedule: "0 * * * *", tags: ["World"] }),
    ]);
    const fetched = { sourceId: "news", at: T0, ok: true, error: null, itemsSeen: 25 };
    const next = { nextCheckAt: T0 + 60 * MINUTE, nextCheckReason: "cron" as const };
    await store.recordFetch({ ...fetched, status: "200", httpStatus: 200, ...next }, null);
    for (let i = 0; i < 3; i++) {
      const notModified = { status: "304", httpStatus: 304, itemsSeen: undefined };
      await store.recordFetch({ ...fetched, ...notModified, ...next }, null);
    }
    const { data } = await api.execute(SourcesDocument, {});
    const news = data!.sources.edges.find((e) => e.node.id === "news")!.node;
    expect(news).toMatchObject({ intervalSeconds: null, schedule: "0 * * * *", tags: ["World"] });
    expect(news.health).toMatchObject({
      status: "ok",
      lastStatus: "304",
      lastHttpStatus: 304,
      nextCheckAt: new Date(T0 + 60 * MINUTE).toISOString(),
      nextCheckReason: "CRON",
      itemsSeen: 25,
      fetchCount: 4,
      notModifiedCount: 3,
      notModifiedShare: 0.75,
    });
  });

  it("pages tags and sources as connections, and filters sources", async () => {
    const first = await api.execute(TagsDocument, { first: 1 });
    const tags = first.data!.tags;
    expect(tags.edges.map((e) => e.node.slug)).toEqual(["even"]);
    expect(tags.pageInfo.hasNextPage).toBe(true);
    const next = await api.execute(TagsDocument, { first: 1, after: tags.pageInfo.endCursor });
    expect(next.data!.tags.edges.map((e) => e.node.slug)).toEqual(["odd"]);
    expect(next.data!.tags.pageInfo.hasNextPage).toBe(false);
    const trending = await api.execute(TagsDocument, { first: 1, orderBy: "TRENDING" });
    expect(trending.errors).toBeUndefined();
    const wrong = await api.execute(TagsDocument, {
      first: 1,
      orderBy: "TRENDING",
      after: tags.pageInfo.endCursor,
    });
    expect(wrong.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    const page = await api.execute(SourcesDocument, { first: 1 });
    expect(page.data!.sources.totalCount).toBe(2);
    expect(page.data!.sources.edges.map((e) => e.node.id)).toEqual(["news"]);
    const rest = await api.execute(SourcesDocument, {
      first: 1,
      after: page.data!.sources.pageInfo.endCursor,
    });
    expect(rest.data!.sources.edges.map((e) => e.node.id)).toEqual(["wire"]);
    expect(rest.data!.sources.pageInfo.hasNextPage).toBe(false);
    const search = Buffer.from(JSON.stringify({ s: 1, i: "news" })).toString("base64url");
    const foreign = await api.execute(SourcesDocument, { after: search });
    expect(foreign.errors?.[0]?.message).toBe("after: not a cursor of sources");
    const failing = await api.execute(SourcesDocument, { filter: { failing: true } });
    expect(failing.data!.sources.totalCount).toBe(0);
    const rss = await api.execute(SourcesDocument, { filter: { kinds: ["RSS"], failing: false } });
    expect(rss.data!.sources.totalCount).toBe(2);
  });

  it("pages a source's own articles", async () => {
    const { data } = await api.execute(SourceDocument, { id: "wire", first: 2 });
    expect(data!.source!.articles.totalCount).toBe(5);
    expect(data!.source!.articles.edges.map((e) => e.node.id)).toEqual(["a20", "a15"]);
    expect(data!.source!.articles.pageInfo.hasNextPage).toBe(true);
    const none = await api.execute(SourceDocument, { id: "ghost" });
    expect(none.data!.source).toBeNull();
  });
});
