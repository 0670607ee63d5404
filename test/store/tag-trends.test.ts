import { rankTrendingTags } from "../../src/domain/tag-trend";
import { T0, listBackends, makeArticle, makeSource, useStore } from "./store-backends";

const DAY = 24 * 3600_000;
const NOW = T0 + 10 * DAY;
const tag = (slug: string) => ({ slug, name: slug.toUpperCase(), origin: "feed" as const });

describe.each(listBackends())("tag trends on $name", (backend) => {
  const subject = useStore(backend);

  beforeEach(async () => {
    await subject.store().upsertSources([makeSource("news")]);
    const at = (id: string, daysAgo: number, slugs: string[]) =>
      makeArticle(id, { publishedAt: NOW - daysAgo * DAY + 60_000, tags: slugs.map(tag) });
    await subject
      .store()
      .upsertArticles([
        at("a1", 0.5, ["ai", "china"]),
        at("a2", 0.2, ["ai"]),
        at("a3", 0.1, ["ai"]),
        at("b1", 1.5, ["china"]),
        at("b2", 1.2, ["china"]),
        at("b3", 1.1, ["ai"]),
        at("old", 5, ["markets"]),
      ]);
  });

  it("counts each tag's articles in the window and in the window before", async () => {
    const trends = await subject.store().listTagTrends(DAY, NOW);
    expect(trends.sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([
      { slug: "ai", name: "AI", current: 3, previous: 1 },
      { slug: "china", name: "CHINA", current: 1, previous: 2 },
    ]);
    expect(rankTrendingTags(trends, 10).map((t) => t.slug)).toEqual(["ai", "china"]);
  });

  it("reads tags by slug with their article counts", async () => {
    const tags = await subject.store().getTags(["ai", "markets", "none"]);
    expect(tags.sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([
      { slug: "ai", name: "AI", count: 4 },
      { slug: "markets", name: "MARKETS", count: 1 },
    ]);
  });
});
