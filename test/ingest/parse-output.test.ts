import { parseDocument } from "../../src/ingest/parse-document";
import { toParseOutput } from "../../src/ingest/parse-output";
import { readFixture } from "./parse-fixture";

const NOW = Date.parse("2026-02-05T12:00:00Z");
const FEED_KEYS = ["kind", "title", "siteUrl", "feedUrl", "description", "language", "imageUrl"];
const ARTICLE_KEYS = [
  ...["id", "guid", "url", "title", "summary", "contentHtml", "contentText", "author"],
  ...["publishedAt", "updatedAt", "language", "imageUrl", "enclosures", "tags", "wordCount"],
];

describe("toParseOutput", () => {
  it("prints exactly the documented keys, in order, with nothing missing", async () => {
    const result = await parseDocument(readFixture("feeds/rss2-entities.xml"), {
      url: "https://blog.example.org/news/feed.rss",
      now: NOW,
    });
    const output = JSON.parse(JSON.stringify(toParseOutput(result)));
    expect(Object.keys(output)).toEqual(["feed", "articles"]);
    expect(Object.keys(output.feed)).toEqual(FEED_KEYS);
    for (const article of output.articles) expect(Object.keys(article)).toEqual(ARTICLE_KEYS);
    expect(Object.keys(output.articles[0].enclosures[0])).toEqual(["url", "type", "length"]);
    expect(Object.keys(output.articles[0].tags[0])).toEqual(["slug", "name", "origin"]);
  });

  it("writes dates as ISO-8601 UTC strings and absent values as null or []", async () => {
    const result = await parseDocument(readFixture("seed/feed.xml"), {
      url: "http://127.0.0.1:8080/feed.xml",
      now: NOW,
    });
    const [first] = toParseOutput(result).articles;
    expect(first.publishedAt).toBe("2026-02-04T23:10:00.000Z");
    expect(first).toMatchObject({
      updatedAt: null,
      contentHtml: null,
      contentText: null,
      author: null,
      imageUrl: null,
      enclosures: [],
    });
    expect(toParseOutput(result).feed.imageUrl).toBeNull();
  });

  it("writes updatedAt as an ISO string when present", async () => {
    const result = await parseDocument(readFixture("feeds/atom.xml"), {
      url: "https://dev.example.io/feeds/atom.xml",
      now: NOW,
    });
    expect(toParseOutput(result).articles[0].updatedAt).toBe("2026-02-05T08:30:00.000Z");
  });
});
