import { corpusStats, DEFAULT_FEEDS, generateCorpus } from "../../bench/corpus";
import { feedUrl, sourceId } from "../../bench/pipeline-bench";
import { parseDocument } from "../../src/ingest/parse-document";

// The bench's numbers mean something only if its corpus is stable and the pipeline reads all of it.
describe("the bench corpus", () => {
  const corpus = generateCorpus();

  it("is the same for the same seed, and different for another", () => {
    const again = generateCorpus({ feeds: 12 });
    expect(again.map((f) => f.text)).toEqual(corpus.slice(0, 12).map((f) => f.text));
    const other = generateCorpus({ feeds: 12, seed: 7 });
    expect(other.map((f) => f.text)).not.toEqual(again.map((f) => f.text));
  });

  it("has at least 200 feeds of every format, 10 to 60 items each", () => {
    const stats = corpusStats(corpus);
    expect(stats.feeds).toBe(DEFAULT_FEEDS);
    expect(stats.feeds).toBeGreaterThanOrEqual(200);
    expect(Object.keys(stats.byFormat).sort()).toEqual(["atom", "json", "rss1", "rss2"]);
    expect(Math.min(...corpus.map((f) => f.items))).toBeGreaterThanOrEqual(10);
    expect(Math.max(...corpus.map((f) => f.items))).toBeLessThanOrEqual(60);
  });

  it("carries the markup the pipeline must handle", () => {
    const all = corpus.map((f) => f.text).join("\n");
    for (const marker of [
      "<content:encoded>",
      "<dc:creator>",
      "<media:content",
      "<enclosure",
      "<rdf:RDF",
      'content type="xhtml"',
      'content type="html"',
      '"content_html"',
      "&lt;script",
      "<script",
      "onclick=",
    ]) {
      expect(all).toContain(marker);
    }
  });

  it("parses through parseDocument with every item, hostile markup sanitized", async () => {
    for (const feed of corpus) {
      const parsed = await parseDocument(feed.text, {
        url: feedUrl(feed),
        sourceId: sourceId(feed.index),
        now: Date.UTC(2026, 1, 1),
      });
      expect({ feed: feed.index, kind: parsed.feed.kind, items: parsed.articles.length }).toEqual({
        feed: feed.index,
        kind: feed.kind,
        items: feed.items,
      });
      for (const article of parsed.articles) {
        expect(article.contentHtml ?? "").not.toMatch(/<script|onclick=|onerror=|javascript:/i);
      }
    }
  }, 120_000);
});
