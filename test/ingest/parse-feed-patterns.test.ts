import { detectFormat } from "../../src/feeds/detect-format";
import { parseDocument } from "../../src/ingest/parse-document";
import { readFixture } from "./parse-fixture";

// Patterns from real feeds, each reproduced in a small fixture of our own.
const NOW = Date.parse("2026-08-01T00:00:00Z");
const parse = (path: string, url: string) =>
  parseDocument(readFixture(path), { url, sourceId: "s", now: NOW });
const iso = (at: number) => new Date(at).toISOString();

describe("feeds: RSS written with a prefixed root", () => {
  it("is detected and read like plain RSS, dates in the forms feeds write", async () => {
    const text = readFixture("feeds/rss-prefixed-root.xml");
    expect(detectFormat(text)).toBe("rss");
    const { feed, articles } = await parse("feeds/rss-prefixed-root.xml", "https://p.test/feed");
    expect(feed.title).toBe("Prefixed Post");
    expect(feed.siteUrl).toBe("https://prefixed.example.com/");
    expect(articles.map((a) => a.url)).toEqual([
      "https://prefixed.example.com/2026/02/night-ferry",
      "https://prefixed.example.com/2026/02/market-hall",
    ]);
    expect(articles.map((a) => iso(a.publishedAt))).toEqual([
      "2006-11-24T09:23:59.000Z",
      "2012-08-30T15:26:16.000Z",
    ]);
    expect(articles[0].tags.map((t) => t.slug)).toEqual(["transport"]);
  });
});

describe("feeds: RSS item bodies and items with little else", () => {
  const read = () => parse("feeds/rss-item-bodies.xml", "https://bodies.example.com/feed");

  it("keeps every item: a description alone, an enclosure alone, no link at all", async () => {
    const { articles } = await read();
    expect(articles).toHaveLength(7);
    const [, , , , described, enclosed, unlinked] = articles;
    expect(described.title).toBe("Only a description: the ferry timetable changes in March.");
    expect(described.url).toMatch(/^https:\/\/bodies\.example\.com\/#item-[0-9a-f]{12}$/);
    expect(enclosed.url).toBe("https://cdn.bodies.example.com/ep-12.mp3");
    expect(unlinked.url).toMatch(/^https:\/\/bodies\.example\.com\/#item-[0-9a-f]{12}$/);
    expect(unlinked.url).not.toBe(described.url);
    // `ET` is New York's time: daylight saving in July.
    expect(iso(unlinked.publishedAt)).toBe("2026-07-04T16:00:00.000Z");
  });

  it("reads xhtml:body as the story, its relative links against the xml:base in scope", async () => {
    const [xhtml] = (await read()).articles;
    expect(xhtml.url).toBe("https://bodies.example.com/stories/2026/02/xhtml-body");
    expect(xhtml.summary).toBe("The teaser.");
    expect(xhtml.contentText).toBe("The whole story, with notes.");
    expect(xhtml.contentHtml).toContain("<b>story</b>");
    expect(xhtml.contentHtml).toContain('href="https://bodies.example.com/stories/notes/1"');
  });

  it("reads body and fullitem as the story", async () => {
    const [, body, fullitem] = (await read()).articles;
    expect(body.contentText).toBe("Told in a plain body element.");
    expect(fullitem.contentText).toBe("Told in full, escaped.");
  });

  it("keeps naked XHTML in a description as markup", async () => {
    const [, , , naked] = (await read()).articles;
    expect(naked.summary).toBe("Markup written unescaped inside the description.");
    expect(naked.contentHtml).toContain("<em>unescaped</em>");
  });
});

describe("feeds: item categories and bylines", () => {
  const read = () => parse("feeds/rss-item-tags-bylines.xml", "https://tags.example.com/feed");

  it("reads itunes:category (with subcategories) and media:category as tags", async () => {
    const [episode] = (await read()).articles;
    expect(episode.tags.map((t) => [t.slug, t.name])).toEqual([
      ["technology", "Technology"],
      ["podcasting", "Podcasting"],
      ["science-astronomy", "Science/Astronomy"],
    ]);
  });

  it("keeps the name of a byline that carries an email, in any order", async () => {
    const { articles } = await read();
    expect(articles.map((a) => a.author)).toEqual(["Jane Doe", "Sam Reyes", "Ada Byron"]);
  });

  it("applies zone names, and gives a date in an unknown zone the first-seen time", async () => {
    const { articles } = await read();
    expect(articles.map((a) => iso(a.publishedAt))).toEqual([
      "2026-02-04T10:00:00.000Z",
      "2026-07-04T19:00:00.000Z",
      iso(NOW),
    ]);
  });
});

describe("feeds: Atom bytes, categories and xml:base", () => {
  const read = () => parse("feeds/atom-base64-xml-base.xml", "https://atom.example.net/feed");

  it("decodes application/octet-stream content, relative links against the entry's base", async () => {
    const [bytes] = (await read()).articles;
    expect(bytes.url).toBe("https://atom.example.net/2026/02/bytes-story");
    expect(bytes.contentText).toBe("Decoded story with notes.");
    expect(bytes.contentHtml).toContain('href="https://atom.example.net/2026/02/notes.html"');
  });

  it("names a tag by the category's label and slugs it from its term", async () => {
    const [bytes] = (await read()).articles;
    expect(bytes.tags.map((t) => [t.slug, t.name])).toEqual([
      ["data-privacy", "Data Privacy"],
      ["open-source", "Open Source"],
    ]);
  });

  it("resolves content links against the content's own xml:base, not the entry's link", async () => {
    const [, based] = (await read()).articles;
    expect(based.url).toBe("https://www.example.net/elsewhere/story");
    expect(based.contentHtml).toContain('href="https://media.example.net/galleries/harbour/"');
    expect(based.contentHtml).toContain('src="https://media.example.net/galleries/cover.jpg"');
  });

  it("keeps no content for bytes that are an image", async () => {
    const [, , image] = (await read()).articles;
    expect(image.contentHtml).toBeNull();
  });

  it("decodes Atom 0.3 mode=base64 content of an untold type", async () => {
    const { articles } = await parse("feeds/atom-0.3-base64.xml", "https://old.example.org/feed");
    expect(articles[0].contentText).toBe("A plain text story sent as bytes.");
    expect(iso(articles[0].publishedAt)).toBe("2026-02-05T09:00:00.000Z");
  });
});
