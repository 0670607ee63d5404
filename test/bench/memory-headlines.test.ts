import { corpusSpec } from "../../bench/api/corpus-spec";
import { createMemoryHeadlines } from "../../bench/api/memory-headlines";
import { generateNewsCorpus } from "../../bench/api/news-corpus";

// The baselines page the corpus themselves; their pages must be the LATEST order, whole.
describe("the baselines' headlines in memory", () => {
  const corpus = generateNewsCorpus(corpusSpec("small"), Date.UTC(2026, 2, 1));
  const headlines = createMemoryHeadlines(corpus);

  it("pages through every article newest first, each once", () => {
    const seen: number[] = [];
    let after: string | undefined;
    for (;;) {
      const page = headlines.page(40, after);
      seen.push(...page.edges.map((e) => e.node.publishedAt));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== undefined);
      if (!page.pageInfo.hasNextPage) break;
      after = page.edges.at(-1)!.cursor;
    }
    expect(seen).toHaveLength(corpus.articles.length);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it("finds sources by id with their site URL", () => {
    expect(headlines.source("news-003")).toEqual({
      id: "news-003",
      name: corpus.sources[3].definition.name,
      siteUrl: "https://news-003.example.com/",
    });
    expect(headlines.source("nope")).toBeNull();
  });
});
