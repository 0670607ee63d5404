import { parse } from "graphql";
import { createMemoryViewCounter } from "../../src/cache/memory-view-counter";
import { listBackends, makeArticle, makeSource, useStore } from "../store/store-backends";
import { createGraphqlHarness } from "../support/graphql-harness";

const sqlite = listBackends().filter((b) => b.name === "sqlite");

describe.each(sqlite)("popularity through GraphQL", (backend) => {
  const ctx = useStore(backend);

  it("records a view once per client, shows it in every measure, and ranks popular articles", async () => {
    const store = ctx.store();
    await store.upsertSources([makeSource("news")]);
    await store.upsertArticles([
      makeArticle("p1", { publishedAt: Date.now() - 3600_000 }),
      makeArticle("p2"),
    ]);
    await store.recordSourceRanks("news", ["https://news.example/p1"]);
    const api = await createGraphqlHarness({ store, views: createMemoryViewCounter() });
    const run = async (q: string) => api.execute(parse(q) as never, {} as never);
    try {
      const first = await run('mutation { recordView(articleId: "p1") { counted views } }');
      expect(first.data).toEqual({ recordView: { counted: true, views: 1 } });
      const again = await run('mutation { recordView(articleId: "p1") { counted views } }');
      expect(again.data).toEqual({ recordView: { counted: false, views: 1 } });
      const missing = await run('mutation { recordView(articleId: "ghost") { counted } }');
      expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      const { data, errors } = await run(`{
        popular(window: HOUR, first: 5) { totalCount edges { node { id
          popularity { views viewsInWindow(window: DAY) rank sourceRank score
            explain { viewsLastDay sourceRank sourceRankBonus ageHours gravity formula } } } } } }`);
      expect(errors).toBeUndefined();
      const [top] = (data as any).popular.edges.map((e: { node: unknown }) => e.node);
      expect((data as any).popular.totalCount).toBe(1);
      expect(top.id).toBe("p1");
      expect(top.popularity).toMatchObject({ views: 1, viewsInWindow: 1, rank: 1, sourceRank: 1 });
      expect(top.popularity.explain).toMatchObject({
        viewsLastDay: 1,
        sourceRank: 1,
        sourceRankBonus: 50,
        gravity: 1.5,
      });
      const { ageHours } = top.popularity.explain;
      expect(top.popularity.score).toBeCloseTo((1 + 50 + 1) / (ageHours + 2) ** 1.5, 6);
    } finally {
      await api.stop();
    }
  });
});

describe.each(sqlite)("headlines in POPULAR and HOT order", (backend) => {
  const ctx = useStore(backend);

  it("orders by views in the window, or by hot score, and pages through the ranking", async () => {
    const store = ctx.store();
    await store.upsertSources([makeSource("news")]);
    const now = Date.now();
    await store.upsertArticles([
      makeArticle("old", { publishedAt: now - 30 * 3600_000 }),
      makeArticle("new", { publishedAt: now - 600_000 }),
      makeArticle("mid", { publishedAt: now - 5 * 3600_000 }),
    ]);
    const views = createMemoryViewCounter();
    for (let i = 0; i < 5; i++) await views.record("old", `reader-${i}`, now);
    await views.record("mid", "reader-0", now);
    const api = await createGraphqlHarness({ store, views });
    const ids = async (order: string, after?: string) => {
      const q = `query($after: String) { headlines(orderBy: ${order}, first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
      const { data, errors } = await api.execute(parse(q) as never, { after } as never);
      if (errors) return { errors };
      const h = (data as any).headlines;
      return {
        id: h.edges[0]?.node.id,
        total: h.totalCount,
        next: h.pageInfo.endCursor,
        more: h.pageInfo.hasNextPage,
      };
    };
    try {
      const first = await ids("POPULAR");
      expect(first).toMatchObject({ id: "old", total: 2, more: true });
      expect(await ids("POPULAR", (first as any).next)).toMatchObject({ id: "mid", more: false });
      // Five views of a story thirty hours old weigh less than one of a story five hours old,
      // and a fresh story with none beats both.
      const hot: string[] = [];
      let after: string | undefined;
      for (let i = 0; i < 3; i++) {
        const page = (await ids("HOT", after)) as any;
        hot.push(page.id);
        after = page.next;
      }
      expect(hot).toEqual(["new", "mid", "old"]);
      const wrong = await ids("HOT", (first as any).next);
      expect((wrong as any).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    } finally {
      await api.stop();
    }
  });
});
