import { parseFeed } from "../../src/feeds/parse-feed";
import { parseJsonFeed } from "../../src/feeds/parse-json-feed";
import { readFixture } from "../ingest/parse-fixture";

describe("parseJsonFeed", () => {
  const feed = parseJsonFeed(readFixture("feeds/jsonfeed-1.1.json"));

  it("reads the feed's metadata", () => {
    expect({ ...feed, items: feed.items.length }).toEqual({
      kind: "json",
      title: "Night Shift Podcast",
      siteUrl: "https://podcast.example.com/",
      feedUrl: "https://podcast.example.com/feed.json",
      description: "Stories told after dark.",
      language: "en",
      imageUrl: "https://podcast.example.com/icon.png",
      ttl: null,
      items: 2,
    });
  });

  it("reads a 1.1 item: authors, tags, attachments, dates, language", () => {
    expect(feed.items[0]).toEqual({
      guid: "episode-12",
      link: "https://podcast.example.com/episodes/12?utm_source=json",
      title: "Episode 12: The Lantern Keeper",
      summary: "An interview with the last lantern keeper.",
      content: '<p>An interview with the <a href="/people/keeper">last lantern keeper</a>.</p>',
      author: "Rosa Diaz, Tom Becker",
      published: "2026-02-01T21:00:00-08:00",
      updated: "2026-02-02T06:00:00Z",
      categories: ["Interviews", "History", "interviews"],
      enclosures: [
        { url: "https://podcast.example.com/audio/12.mp3", type: "audio/mpeg", length: 48213000 },
      ],
      imageUrl: "https://podcast.example.com/art/12.jpg",
      language: "en-US",
    });
  });

  it("turns content_text into escaped HTML paragraphs, reads numeric ids and external_url", () => {
    expect(feed.items[1]).toMatchObject({
      guid: "13",
      link: "https://elsewhere.example.org/lanterns",
      content:
        "<p>Plain text notes.</p>\n<p>A second paragraph with &lt;angle&gt; brackets &amp; ampersands.</p>",
      author: "Night Shift Crew",
    });
  });

  it("reads a 1.0 feed with its single author object", async () => {
    const text = JSON.stringify({
      version: "https://jsonfeed.org/version/1",
      title: "Old",
      author: { name: "Ada" },
      items: [{ id: "1", url: "https://old.example/1", content_html: "<p>x</p>" }],
    });
    const parsed = await parseFeed(text);
    expect(parsed.kind).toBe("json");
    expect(parsed.items[0].author).toBe("Ada");
  });

  it("reads a feed whose version is a bare 1.0 or 1.1, as some generators write it", async () => {
    for (const version of ["1.0", "1.1", "1"]) {
      const text = JSON.stringify({
        version,
        title: "Bare",
        items: [{ id: "a", url: "https://bare.example/a", content_text: "Hello" }],
      });
      const parsed = await parseFeed(text);
      expect(parsed.kind).toBe("json");
      expect(parsed.items[0].link).toBe("https://bare.example/a");
    }
  });

  it("refuses a bare version without an items array, and versions that are not 1.x", async () => {
    await expect(parseFeed(JSON.stringify({ version: "1.0", title: "x" }))).rejects.toThrow(
      "not a feed: JSON without a JSON Feed version",
    );
    await expect(parseFeed(JSON.stringify({ version: "2.0", items: [] }))).rejects.toThrow(
      "not a feed: JSON without a JSON Feed version",
    );
  });
});
