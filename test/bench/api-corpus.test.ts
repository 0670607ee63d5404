import { countCorpusFigures, holdsWord } from "../../bench/api/corpus-figures";
import { corpusSpec } from "../../bench/api/corpus-spec";
import { generateNewsCorpus, listArticleIds } from "../../bench/api/news-corpus";
import { generateViews } from "../../bench/api/view-seeds";

const NOW = Date.UTC(2026, 2, 1, 12);
const DAY = 86_400_000;

// The API bench's verdicts mean something only if its corpus holds what the issue describes.
describe("the API bench corpus", () => {
  const spec = corpusSpec("full");
  const corpus = generateNewsCorpus(spec, NOW);
  const views = generateViews(spec, NOW);
  const figures = countCorpusFigures(corpus, views);

  it("has 220 sources of 50 articles, half of them full stories of about 5 KB", () => {
    expect(figures.sources).toBe(220);
    expect(figures.articles).toBe(11_000);
    expect(figures.fullStories).toBe(5500);
    expect(figures.meanStoryTextBytes).toBeGreaterThan(4500);
    expect(figures.meanStoryTextBytes).toBeLessThan(5500);
    expect(figures.meanStoryHtmlBytes).toBeGreaterThan(4500);
    expect(figures.meanStoryHtmlBytes).toBeLessThan(5600);
  });

  it("gives teasers of about 40 words and stories a word count that matches their text", () => {
    for (const article of corpus.articles.slice(0, 200)) {
      const words = (article.contentText ?? article.summary ?? "").split(/\s+/).length;
      expect(article.wordCount).toBe(words);
      if (!article.contentText) expect(article.wordCount).toBeGreaterThanOrEqual(40);
      if (!article.contentText) expect(article.wordCount).toBeLessThanOrEqual(41);
    }
  });

  it("puts the rare word in a handful of articles and the common one in about 60%", () => {
    expect(figures.rareArticles).toBe(spec.rareArticles);
    expect(figures.commonArticles / figures.articles).toBeGreaterThan(0.57);
    expect(figures.commonArticles / figures.articles).toBeLessThan(0.63);
  });

  it("tags every article 4 times from 300 tags, a few of them common", () => {
    expect(figures.tagsUsed).toBe(300);
    expect(corpus.articles.every((a) => new Set(a.tags.map((t) => t.slug)).size === 4)).toBe(true);
    expect(figures.topTagShare).toBeGreaterThan(0.3);
  });

  it("publishes everything in the two days before the run", () => {
    const times = corpus.articles.map((a) => a.publishedAt);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW - 2 * DAY);
    expect(Math.max(...times)).toBeLessThan(NOW);
  });

  it("records 4,800 views of stored articles over the last day, skewed to a few", () => {
    const ids = new Set(listArticleIds(spec));
    expect(views).toHaveLength(4800);
    expect(views.every((v) => ids.has(v.articleId))).toBe(true);
    expect(new Set(views.map((v) => v.client)).size).toBe(4800);
    expect(views.every((v) => v.at >= NOW - DAY && v.at < NOW)).toBe(true);
    expect(figures.topTenViewShare).toBeGreaterThan(0.2);
  });

  it("lists the same ids as it generates, and is the same for the same start", () => {
    expect(listArticleIds(spec)).toEqual(corpus.articles.map((a) => a.id));
    const small = corpusSpec("small");
    expect(generateNewsCorpus(small, NOW)).toEqual(generateNewsCorpus(small, NOW));
  });

  it("finds words whole, not inside others", () => {
    const article = {
      ...corpus.articles[0],
      title: "harbours",
      summary: "a harbour.",
      contentText: null,
    };
    expect(holdsWord(article, "harbour")).toBe(true);
    expect(holdsWord({ ...article, summary: null }, "harbour")).toBe(false);
  });
});
