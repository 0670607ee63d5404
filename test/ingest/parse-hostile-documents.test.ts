import { FeedParseError } from "../../src/feeds/feed-parse-error";
import { parseDocument } from "../../src/ingest/parse-document";
import { parseFeed } from "../../src/feeds/parse-feed";
import { readFixture } from "./parse-fixture";

const NOW = Date.parse("2026-02-05T12:00:00Z");
const parse = (text: string) =>
  parseDocument(text, { url: "https://wrong.example.com/feed", now: NOW, kind: "rss" });

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a FeedParseError");
}

describe("hostile documents: not feeds", () => {
  it.each([
    [
      "an HTML page",
      readFixture("feeds/not-a-feed.html"),
      "not a feed: the document's root element is <html> (a page is read as a source of kind html)",
    ],
    [
      "an XHTML page",
      '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
      "not a feed: the document's root element is <html> (a page is read as a source of kind html)",
    ],
    ["an empty body", "", "not a feed: the document is empty"],
    ["whitespace only", " \n\t\r\n ", "not a feed: the document is empty"],
    [
      "a JSON object that is not a JSON Feed",
      '{"data":[{"title":"x"}]}',
      "not a feed: JSON without a JSON Feed version",
    ],
    [
      "a JSON Feed version that is not a string",
      '{"version":1,"items":[]}',
      "not a feed: JSON without a JSON Feed version",
    ],
    [
      "a JSON array",
      '[{"version":"https://jsonfeed.org/version/1"}]',
      "not a feed: JSON that is not an object",
    ],
    ["plain text", "Service Unavailable", "not a feed: the document is neither XML nor JSON"],
    [
      "XML that is no feed",
      "<error><code>500</code></error>",
      "not a feed: the document's root element is <error>",
    ],
  ])("refuses %s with a one-line FeedParseError", async (_what, text, message) => {
    const error = await failure(parse(text));
    expect(error).toBeInstanceOf(FeedParseError);
    expect(error.message).toBe(message);
  });

  it("refuses an HTML page with neither a story nor headlines when read as a page", async () => {
    const page = "<!DOCTYPE html><html><body><p>Service temporarily unavailable</p></body></html>";
    const opts = { url: "https://wrong.example.com/", now: NOW, kind: "html" as const };
    await expect(parseDocument(page, opts)).rejects.toThrow(
      new FeedParseError("not a news page: it holds neither a story nor a list of headlines"),
    );
  });

  it("keeps the message one bounded line whatever the document puts in it", async () => {
    const error = await failure(parseFeed(`<${"a".repeat(100_000)}\n/>`));
    expect(error.message).toBe(`not a feed: the document's root element is <${"a".repeat(100)}>`);
    const json = await failure(parseFeed(`{"version": "${"x".repeat(100_000)}\n`));
    expect(json.message).toMatch(/^malformed JSON: /);
    expect(json.message).not.toMatch(/\n/);
    expect(json.message.length).toBeLessThanOrEqual(300);
  });

  it("turns deeply nested JSON into a FeedParseError, not a crash", async () => {
    const deep = `{"version":"https://jsonfeed.org/version/1","items":${"[".repeat(1_000_000)}`;
    expect(await failure(parseFeed(deep))).toBeInstanceOf(FeedParseError);
  });
});

describe("hostile documents: JSON Feed with wrong types", () => {
  const read = () => parseFeed(readFixture("feeds/hostile-json-wrong-types.json"));

  it("ignores feed fields of the wrong type", async () => {
    const feed = await read();
    expect(feed).toMatchObject({ title: null, siteUrl: null, description: null });
  });

  it("skips items that are not objects and keeps every object item", async () => {
    expect((await read()).items).toHaveLength(2);
  });

  it("reads fields of the wrong type as absent: id, url, title, content, tags, authors, image", async () => {
    const [bad] = (await read()).items;
    expect(bad).toEqual({
      guid: null,
      link: null,
      title: null,
      summary: "An item whose fields all have the wrong type, except this one.",
      content: null,
      author: null,
      published: "not a date at all",
      updated: null,
      categories: [],
      enclosures: [],
      imageUrl: null,
      language: null,
    });
  });

  it("keeps the good parts of a good item: string tags, attachments with a string url", async () => {
    const [, good] = (await read()).items;
    expect(good.categories).toEqual(["Good", "Tags"]);
    expect(good.enclosures).toEqual([
      { url: "https://wrong.example.com/ep.mp3", type: null, length: null },
    ]);
  });

  it("normalizes what is left: an item with only its text is kept, as are good items", async () => {
    const { articles } = await parse(readFixture("feeds/hostile-json-wrong-types.json"));
    expect(articles.map((a) => a.title)).toEqual([
      "An item whose fields all have the wrong type, except this one.",
      "A good item",
    ]);
  });

  it("reads a garbage date_published as first seen", async () => {
    const text = JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      items: [{ id: "d", title: "t", date_published: "yesterday-ish", date_modified: ["x"] }],
    });
    const [article] = (await parse(text)).articles;
    expect([article.publishedAt, article.updatedAt]).toEqual([NOW, null]);
  });

  it("reads items that are not a list as no items", async () => {
    const feed = await parseFeed(
      '{"version":"https://jsonfeed.org/version/1.1","items":{"0":{"id":"x"}}}',
    );
    expect(feed.items).toEqual([]);
  });
});
