import { parseSearchQuery } from "../../src/domain/search-query";
import { openDatabase } from "../../src/store/open-database";
import { createSearchQueries } from "../../src/store/search-queries";
import type { SearchPage } from "../../src/store/store";
import { MINUTE, T0, listBackends, makeArticle, makeSource, useStore } from "./store-backends";

describe.each(listBackends())("search bounds on $name", (backend) => {
  const subject = useStore(backend);

  // Twelve articles mention the harbour; the search reads five of them and counts up to eight.
  async function boundedSearch() {
    await subject.store().upsertSources([makeSource("news"), makeSource("wire")]);
    await subject.store().upsertArticles(
      Array.from({ length: 12 }, (_, i) =>
        makeArticle(`h${String(i).padStart(2, "0")}`, {
          title: i === 3 ? "Harbour harbour harbour" : `Story ${i}`,
          contentText: `The harbour ${"and the quay ".repeat(i)}`,
          sourceId: i % 2 ? "wire" : "news",
          publishedAt: T0 + i * MINUTE,
        }),
      ),
    );
    const { db, dialect } = openDatabase(subject.url());
    const queries = createSearchQueries(db, dialect, { candidates: 5, count: 8 });
    const all: SearchPage["items"] = [];
    let after: { score: number; id: string } | undefined;
    let page: SearchPage;
    do {
      page = await queries.searchArticles({
        search: parseSearchQuery("harbour"),
        filter: {},
        first: 2,
        after,
      });
      all.push(...page.items);
      after = page.items.at(-1);
    } while (page.hasNextPage);
    const filtered = await queries.searchArticles({
      search: parseSearchQuery("harbour"),
      filter: { sourceIds: ["wire"] },
      first: 10,
    });
    await db.destroy();
    return { all, total: { count: page.totalCount, capped: page.totalCountCapped }, filtered };
  }

  it("pages through a bounded set of candidates and counts up to a cap", async () => {
    const { all, total, filtered } = await boundedSearch();
    expect(all).toHaveLength(5);
    expect(new Set(all.map((h) => h.id)).size).toBe(5);
    expect(total).toEqual({ count: 8, capped: true });
    // The candidates are ranked: best first, and the headline that says it three times leads.
    const scores = all.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    if (backend.name === "sqlite") expect(all[0].id).toBe("h03");
    expect(filtered.items.every((h) => Number(h.id.slice(1)) % 2 === 1)).toBe(true);
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.totalCount).toBe(6);
    expect(filtered.totalCountCapped).toBe(false);
  });
});
