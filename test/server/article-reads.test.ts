import { parse } from "graphql";
import { makeArticle, makeSource, listBackends, useStore } from "../store/store-backends";
import { createGraphqlHarness } from "../support/graphql-harness";

const sqlite = listBackends().filter((b) => b.name === "sqlite");

describe.each(sqlite)("reading one article", (backend) => {
  const ctx = useStore(backend);

  async function run(query: string, variables: Record<string, unknown> = {}) {
    const store = ctx.store();
    await store.upsertSources([makeSource("news")]);
    await store.upsertArticles([makeArticle("a1", { url: "https://news.example/story-1" })]);
    const api = await createGraphqlHarness({ store });
    try {
      return await api.execute(parse(query) as never, variables as never);
    } finally {
      await api.stop();
    }
  }

  it("finds an article by its URL whatever tracking parameters and fragment the link carries", async () => {
    const { data, errors } = await run(
      'query { hit: articleByUrl(url: "https://NEWS.example/story-1?utm_source=x#top") { id } miss: articleByUrl(url: "https://news.example/none") { id } bad: articleByUrl(url: "not a url") { id } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ hit: { id: "a1" }, miss: null, bad: null });
  });

  it("gives the story as HTML by default, or as plain text", async () => {
    const { data, errors } = await run(
      'query { article(id: "a1") { html: content text: content(format: TEXT) } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ article: { html: "<p>Body of a1</p>", text: "Body of a1" } });
  });

  it("reads a language filter as stored, and refuses what is no language tag", async () => {
    const { data, errors } = await run(
      '{ a: headlines(filter: { language: "EN" }) { totalCount } b: headlines(filter: { language: "en-us" }) { totalCount } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: { totalCount: 1 }, b: { totalCount: 0 } });
    const bad = await run('{ headlines(filter: { language: "not a tag" }) { totalCount } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.message).toMatch(/^language:/);
  });

  it("filters headlines by every tag, by whole stories, and leaving ids out", async () => {
    const { data, errors } = await run(
      '{ a: headlines(filter: { hasFullText: false }) { totalCount } b: headlines(filter: { excludeIds: ["a1"] }) { totalCount } c: headlines(filter: { allTags: ["none"] }) { totalCount } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: { totalCount: 1 }, b: { totalCount: 0 }, c: { totalCount: 0 } });
  });
});

describe.each(sqlite)("search through GraphQL", (backend) => {
  const ctx = useStore(backend);

  it("answers hits with scores, snippets and cursors that page, and refuses a NOT-only query", async () => {
    const store = ctx.store();
    await store.upsertSources([makeSource("news")]);
    await store.upsertArticles([
      makeArticle("s1", {
        title: "Harbour plan approved",
        contentText: "The harbour plan passed.",
      }),
      makeArticle("s2", { title: "Harbour closed for storms", contentText: "Storms shut it." }),
    ]);
    const api = await createGraphqlHarness({ store });
    try {
      const q =
        'query($after: String) { search(query: "harbour", first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { score snippet node { id } } } }';
      const first = await api.execute(parse(q) as never, {} as never);
      expect(first.errors).toBeUndefined();
      const page = (first.data as any).search;
      expect(page.totalCount).toBe(2);
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect(page.edges[0].snippet).toMatch(/<mark>harbour<\/mark>/i);
      const next = await api.execute(
        parse(q) as never,
        { after: page.pageInfo.endCursor } as never,
      );
      const second = (next.data as any).search;
      const ids = [page.edges[0].node.id, second.edges[0].node.id];
      expect(ids.sort()).toEqual(["s1", "s2"]);
      const back = await api.execute(
        parse(
          'query($before: String) { search(query: "harbour", last: 1, before: $before) { pageInfo { hasPreviousPage } edges { node { id } } } }',
        ) as never,
        { before: second.pageInfo.endCursor } as never,
      );
      expect(back.errors).toBeUndefined();
      expect((back.data as any).search.edges[0].node.id).toBe(page.edges[0].node.id);
      expect((back.data as any).search.pageInfo.hasPreviousPage).toBe(false);
      const bad = await api.execute(
        parse('{ search(query: "-harbour") { totalCount } }') as never,
        {} as never,
      );
      expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    } finally {
      await api.stop();
    }
  });
});

describe.each(sqlite)("tags through GraphQL", (backend) => {
  const ctx = useStore(backend);

  it("lists trending tags with their trend, and one tag with its articles", async () => {
    const store = ctx.store();
    await store.upsertSources([makeSource("news")]);
    const recent = Date.now() - 3600_000;
    const tags = [{ slug: "ai", name: "AI", origin: "feed" as const }];
    await store.upsertArticles([
      makeArticle("t1", { publishedAt: recent, tags }),
      makeArticle("t2", { publishedAt: recent - 60_000, tags }),
    ]);
    const api = await createGraphqlHarness({ store });
    try {
      const { data, errors } = await api.execute(
        parse(
          '{ tags(orderBy: TRENDING, window: DAY) { totalCount edges { node { slug articleCount trend { current previous growth } } } } tag(slug: "ai") { name articles(first: 1) { totalCount edges { node { id } } } } none: tag(slug: "none") { slug } }',
        ) as never,
        {} as never,
      );
      expect(errors).toBeUndefined();
      expect(data).toEqual({
        tags: {
          totalCount: 1,
          edges: [
            {
              node: { slug: "ai", articleCount: 2, trend: { current: 2, previous: 0, growth: 3 } },
            },
          ],
        },
        tag: { name: "AI", articles: { totalCount: 2, edges: [{ node: { id: "t1" } }] } },
        none: null,
      });
    } finally {
      await api.stop();
    }
  });
});

describe.each(sqlite)("trending tags as a connection", (backend) => {
  const ctx = useStore(backend);

  it("pages the trending ranking forward and back by position", async () => {
    const store = ctx.store();
    await store.upsertSources([makeSource("news")]);
    const now = Date.now();
    const tag = (slug: string) => ({ slug, name: slug, origin: "feed" as const });
    // t1 on 3 articles, t2 on 2, t3 on 1, all within the day: growth 4, 3, 2.
    await store.upsertArticles([
      makeArticle("x1", { publishedAt: now - 60_000, tags: [tag("t1"), tag("t2"), tag("t3")] }),
      makeArticle("x2", { publishedAt: now - 120_000, tags: [tag("t1"), tag("t2")] }),
      makeArticle("x3", { publishedAt: now - 180_000, tags: [tag("t1")] }),
    ]);
    const api = await createGraphqlHarness({ store });
    const page = async (args: string) => {
      const { data, errors } = await api.execute(
        parse(
          `{ tags(orderBy: TRENDING, ${args}) { totalCount edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage } } }`,
        ) as never,
        {} as never,
      );
      expect(errors).toBeUndefined();
      const t = (data as any).tags;
      return {
        slugs: t.edges.map((e: any) => e.node.slug),
        cursors: t.edges.map((e: any) => e.cursor),
        info: t.pageInfo,
        total: t.totalCount,
      };
    };
    try {
      const all = await page("first: 3");
      expect(all.slugs).toEqual(["t1", "t2", "t3"]);
      const second = await page(`first: 1, after: "${all.cursors[0]}"`);
      expect(second).toMatchObject({
        slugs: ["t2"],
        total: 3,
        info: { hasNextPage: true, hasPreviousPage: true },
      });
      const back = await page(`last: 5, before: "${all.cursors[2]}"`);
      expect(back).toMatchObject({
        slugs: ["t1", "t2"],
        info: { hasNextPage: true, hasPreviousPage: false },
      });
    } finally {
      await api.stop();
    }
  });
});

describe.each(sqlite)("paging back with before", (backend) => {
  const ctx = useStore(backend);

  it("gives the page just before a cursor, newest first, in LATEST and ranked orders", async () => {
    const store = ctx.store();
    await store.upsertSources([makeSource("news")]);
    const now = Date.now();
    await store.upsertArticles(
      ["a", "b", "c", "d", "e"].map((id, i) => makeArticle(id, { publishedAt: now - i * 60_000 })),
    );
    const api = await createGraphqlHarness({ store });
    const page = async (args: string) => {
      const { data, errors } = await api.execute(
        parse(
          `{ headlines(${args}) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage } } }`,
        ) as never,
        {} as never,
      );
      if (errors) return { errors };
      const h = (data as any).headlines;
      return {
        ids: h.edges.map((e: any) => e.node.id),
        cursors: h.edges.map((e: any) => e.cursor),
        info: h.pageInfo,
      };
    };
    try {
      for (const order of ["LATEST", "HOT"]) {
        const all = (await page(`orderBy: ${order}, first: 5`)) as any;
        expect(all.ids).toEqual(["a", "b", "c", "d", "e"]);
        const back = (await page(`orderBy: ${order}, before: "${all.cursors[3]}", last: 2`)) as any;
        expect(back.ids).toEqual(["b", "c"]);
        expect(back.info).toEqual({ hasNextPage: true, hasPreviousPage: true });
        const start = (await page(
          `orderBy: ${order}, before: "${all.cursors[1]}", last: 2`,
        )) as any;
        expect(start.ids).toEqual(["a"]);
        expect(start.info.hasPreviousPage).toBe(false);
      }
      const both = (await page(`after: "x", before: "y"`)) as any;
      expect(both.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    } finally {
      await api.stop();
    }
  });
});
