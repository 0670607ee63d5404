import type { Article } from "../../src/domain/article";
import type { ArticleFilter, LatestPosition } from "../../src/store/store";
import {
  MINUTE,
  T0,
  feedTag,
  listBackends,
  makeArticle,
  makeSource,
  useStore,
} from "./store-backends";

/** 30 articles over two sources; every third pair shares a publish time, to exercise the id tiebreak. */
function makeCorpus(): Article[] {
  return Array.from({ length: 30 }, (_, i) =>
    makeArticle(`a${String(i).padStart(2, "0")}`, {
      sourceId: i % 2 === 0 ? "news" : "wire",
      url: `https://example.test/${i}`,
      publishedAt: T0 + Math.floor(i / 2) * MINUTE * (i % 3 === 0 ? 1 : 2),
      language: i % 4 === 0 ? "de" : "en",
      tags: i % 5 === 0 ? [feedTag("politics")] : i % 5 === 1 ? [feedTag("sport")] : [],
    }),
  );
}

function latestOrder(articles: Article[]): LatestPosition[] {
  return articles
    .map((a) => ({ publishedAt: a.publishedAt, id: a.id }))
    .sort((x, y) => y.publishedAt - x.publishedAt || (x.id < y.id ? 1 : -1));
}

describe.each(listBackends())("store headlines on $name", (backend) => {
  const subject = useStore(backend);
  const corpus = makeCorpus();

  beforeEach(async () => {
    await subject.store().upsertSources([makeSource("news"), makeSource("wire")]);
    await subject.store().upsertArticles(corpus);
  });

  async function readAllPages(filter: ArticleFilter, first: number): Promise<LatestPosition[]> {
    const seen: LatestPosition[] = [];
    let after: LatestPosition | undefined;
    for (;;) {
      const page = await subject.store().listLatest({ filter, first, after });
      seen.push(...page.items);
      if (!page.hasNextPage) return seen;
      after = page.items[page.items.length - 1];
    }
  }

  it("orders by publish time, newest first, then by id descending", async () => {
    const page = await subject.store().listLatest({ filter: {}, first: 30 });
    expect(page.items).toEqual(latestOrder(corpus));
    expect(page.hasNextPage).toBe(false);
  });

  it("yields every article exactly once when paging with `after`", async () => {
    for (const first of [1, 4, 7, 30]) {
      expect(await readAllPages({}, first)).toEqual(latestOrder(corpus));
    }
  });

  it("excludes everything at or before the `after` position", async () => {
    const order = latestOrder(corpus);
    const page = await subject.store().listLatest({ filter: {}, first: 5, after: order[9] });
    expect(page.items).toEqual(order.slice(10, 15));
    expect(page.hasNextPage).toBe(true);
  });

  it("reports whether another page follows", async () => {
    expect((await subject.store().listLatest({ filter: {}, first: 29 })).hasNextPage).toBe(true);
    expect((await subject.store().listLatest({ filter: {}, first: 30 })).hasNextPage).toBe(false);
  });

  it("counts every match of the filter in totalCount, regardless of `after`", async () => {
    const order = latestOrder(corpus);
    const page = await subject.store().listLatest({ filter: {}, first: 2, after: order[20] });
    expect(page.totalCount).toBe(30);
  });

  const filters: [string, ArticleFilter, (a: Article) => boolean][] = [
    ["source ids", { sourceIds: ["wire"] }, (a) => a.sourceId === "wire"],
    ["tag slugs", { tagSlugs: ["politics", "sport"] }, (a) => a.tags.length > 0],
    ["one tag slug", { tagSlugs: ["sport"] }, (a) => a.tags[0]?.slug === "sport"],
    ["language", { language: "de" }, (a) => a.language === "de"],
    ["since (inclusive)", { since: T0 + 10 * MINUTE }, (a) => a.publishedAt >= T0 + 10 * MINUTE],
    ["until (exclusive)", { until: T0 + 10 * MINUTE }, (a) => a.publishedAt < T0 + 10 * MINUTE],
    [
      "several filters at once",
      { sourceIds: ["news"], language: "en", since: T0 + 4 * MINUTE },
      (a) => a.sourceId === "news" && a.language === "en" && a.publishedAt >= T0 + 4 * MINUTE,
    ],
    ["an empty source list", { sourceIds: [] }, () => false],
    ["an empty tag list", { tagSlugs: [] }, () => false],
  ];

  it.each(filters)("filters by %s", async (_name, filter, matches) => {
    const expected = latestOrder(corpus.filter(matches));
    expect(await readAllPages(filter, 4)).toEqual(expected);
    expect((await subject.store().listLatest({ filter, first: 1 })).totalCount).toBe(
      expected.length,
    );
  });

  it("returns an empty page for first = 0 with the count and whether items exist", async () => {
    const page = await subject.store().listLatest({ filter: {}, first: 0 });
    expect(page).toEqual({ items: [], hasNextPage: true, totalCount: 30 });
  });
});
