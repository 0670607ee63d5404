import type { Article } from "../../src/domain/article";
import { FeedParseError } from "../../src/feeds/feed-parse-error";
import { parseDocument, type ParsedDocument } from "../../src/ingest/parse-document";
import { readFixture } from "./parse-fixture";

interface ExpectedArticle {
  title: string;
  path: string;
  summaryStartsWith: string;
  feedTags: string[];
  publishedAt: string;
  fullStory?: {
    sectionHeadings: string[];
    containsText: string[];
    wordCountBetween: [number, number];
  };
}

const expected = JSON.parse(readFixture("seed/expected.json")) as {
  articles: ExpectedArticle[];
  mustNotAppearInAnyTitleSummaryOrStory: string[];
};
const NOW = Date.parse("2026-02-05T12:00:00Z");

describe("parseDocument: the seed site's RSS feed (acceptance)", () => {
  let result: ParsedDocument;
  beforeAll(async () => {
    result = await parseDocument(readFixture("seed/feed.xml"), {
      url: "http://127.0.0.1:8080/feed.xml",
      now: NOW,
    });
  });
  const article = (title: string): Article => {
    const found = result.articles.find((a) => a.title === title);
    if (!found) throw new Error(`no article titled ${title}`);
    return found;
  };

  it("yields exactly the four expected articles, with their exact titles", () => {
    expect(result.articles.map((a) => a.title)).toEqual(expected.articles.map((a) => a.title));
  });

  it.each(expected.articles.map((e) => [e.title, e] as const))(
    "%s: path, date, tags, summary",
    (title, e) => {
      const a = article(title);
      expect(new URL(a.url).pathname).toBe(e.path);
      expect(new URL(a.url).host).toBe("news.example.com");
      expect(new Date(a.publishedAt).toISOString()).toBe(e.publishedAt);
      expect(a.tags.map((t) => t.slug)).toEqual(e.feedTags);
      expect(a.tags.every((t) => t.origin === "feed")).toBe(true);
      expect(a.summary?.startsWith(e.summaryStartsWith)).toBe(true);
    },
  );

  it("keeps the China story's four section headings in order in its content", () => {
    const story = expected.articles.find((e) => e.fullStory)!;
    const html = article(story.title).contentHtml ?? "";
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(story.fullStory!.sectionHeadings);
  });

  it("has the China story's phrases in its text and a word count in range", () => {
    const story = expected.articles.find((e) => e.fullStory)!;
    const a = article(story.title);
    for (const phrase of story.fullStory!.containsText) expect(a.contentText).toContain(phrase);
    const [min, max] = story.fullStory!.wordCountBetween;
    expect(a.wordCount).toBeGreaterThanOrEqual(min);
    expect(a.wordCount).toBeLessThanOrEqual(max);
  });

  it("leaves no tracking parameter or page debris anywhere", () => {
    const text = JSON.stringify(result);
    for (const banned of expected.mustNotAppearInAnyTitleSummaryOrStory)
      expect(text).not.toContain(banned);
  });

  it("ids articles by source and guid, defaulting the source to the document URL", () => {
    const again = result.articles.map((a) => a.id);
    expect(new Set(again).size).toBe(4);
    expect(result.articles[0].sourceId).toBe("http://127.0.0.1:8080/feed.xml");
  });

  it("summarizes the feed", () => {
    expect(result.feed).toEqual({
      kind: "rss",
      title: "World News - Latest Headlines",
      siteUrl: "https://news.example.com/",
      feedUrl: "https://news.example.com/feed.xml",
      description: "Latest headlines from World News",
      language: "en",
      imageUrl: null,
      ttl: null,
    });
  });
});

describe("parseDocument: other formats", () => {
  const parse = (path: string, url: string) =>
    parseDocument(readFixture(path), { url, sourceId: "s", now: NOW });

  it("normalizes RSS items: entities, xml:base links, sanitized content, fallbacks", async () => {
    const { articles } = await parse(
      "feeds/rss2-entities.xml",
      "https://blog.example.org/news/feed.rss",
    );
    expect(articles.map((a) => a.url)).toEqual([
      "https://blog.example.org/news/2026/02/fish-and-chips.html?page=2",
      "https://blog.example.org/2026/02/harbour-wall.html?id=7",
      expect.stringMatching(/^https:\/\/blog\.example\.org\/#item-[0-9a-f]{12}$/),
      "https://blog.example.org/2026/02/lighthouse.html",
      expect.stringMatching(/^https:\/\/blog\.example\.org\/#item-[0-9a-f]{12}$/),
    ]);
    expect(articles[4].title).toBe("An item that is only a description is an article too.");
    expect(articles[0].title).toBe("Fish & Chips Shop Wins Award");
    expect(articles[0].contentHtml).not.toMatch(
      /script|onclick|style|iframe|javascript:|pixel\.gif|<form|<button/,
    );
    expect(articles[0].tags.map((t) => t.slug)).toEqual([
      "food-drink",
      "local-business",
      "cafe-culture",
    ]);
    expect(articles[2].publishedAt).toBe(NOW);
    expect(articles[3].publishedAt).toBe(NOW);
  });

  it("normalizes Atom entries: html and xhtml content, categories, date fallback", async () => {
    const { feed, articles } = await parse(
      "feeds/atom.xml",
      "https://dev.example.io/feeds/atom.xml",
    );
    expect(feed.kind).toBe("atom");
    expect(articles.map((a) => a.title)).toEqual([
      "Faster builds with esbuild & friends",
      "Notes de version",
      "An entry with a broken date",
    ]);
    expect(articles[0].url).toBe("https://dev.example.io/blog/2026/02/faster-builds");
    expect(articles[1].contentText).toBe(
      "Version 2.0 est disponible maintenant.\nPlus rapide\nPlus sûr",
    );
    expect(articles[0].tags.map((t) => t.slug)).toEqual(["build-tools", "performance"]);
    expect(new Date(articles[2].publishedAt).toISOString()).toBe("2026-02-02T12:00:00.000Z");
  });

  it("normalizes JSON Feed items", async () => {
    const { feed, articles } = await parse(
      "feeds/jsonfeed-1.1.json",
      "https://podcast.example.com/feed.json",
    );
    expect(feed.kind).toBe("json");
    expect(articles[0].url).toBe("https://podcast.example.com/episodes/12");
    expect(new Date(articles[0].publishedAt).toISOString()).toBe("2026-02-02T05:00:00.000Z");
  });

  it("normalizes RSS 1.0 items with W3C-DTF dates", async () => {
    const { articles } = await parse("feeds/rss1-rdf.xml", "https://science.example.net/rss");
    expect(articles.map((a) => new Date(a.publishedAt).toISOString())).toEqual([
      "2026-02-03T07:15:00.000Z",
      "2026-02-01T00:00:00.000Z",
    ]);
    expect(articles.map((a) => a.language)).toEqual(["de-DE", "en"]);
  });

  it("resolves relative item links against the document URL when the feed has no link", async () => {
    const xml =
      '<rss version="2.0"><channel><title>x</title><item><link>/a/b</link></item></channel></rss>';
    const { articles } = await parseDocument(xml, {
      url: "http://127.0.0.1:8080/feed.xml",
      now: NOW,
    });
    expect(articles[0].url).toBe("http://127.0.0.1:8080/a/b");
  });

  it("refuses an HTML page for a feed source, naming the kind that reads pages", async () => {
    const text = readFixture("feeds/not-a-feed.html");
    const promise = parseDocument(text, { url: "https://news.example.com/", now: 0, kind: "atom" });
    await expect(promise).rejects.toBeInstanceOf(FeedParseError);
    await expect(promise).rejects.toThrow("(a page is read as a source of kind html)");
  });

  it("passes on the reason a malformed feed fails", async () => {
    await expect(parse("feeds/malformed.xml", "https://broken.example.com/")).rejects.toThrow(
      "malformed XML: unexpected close tag (line 8, column 10)",
    );
  });
});
