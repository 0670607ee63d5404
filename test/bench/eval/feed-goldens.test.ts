import { mapFeedRs } from "../../../bench/eval/map-feedrs";
import { mapGofeed } from "../../../bench/eval/map-gofeed";
import { checkFeed, type ParsedItem } from "../../../bench/eval/match-feed";
import { fieldKind, shareByField } from "../../../bench/eval/summarize-feeds";

describe("mapping gofeed goldens", () => {
  it("reads its universal Feed: parsed dates only, author names, categories and enclosure URLs", () => {
    const feed = mapGofeed("universal", {
      title: "Feed",
      items: [
        {
          title: "Item",
          published: "Thu, 01 Jan 2004 19:48:21 GMT",
          publishedParsed: "2004-01-01T19:48:21Z",
          updated: "not a date",
          authors: [{ name: "Author Name", email: "a@example.org" }, { email: "b@example.org" }],
          categories: ["one", "two"],
          enclosures: [{ url: "http://example.org/a.mp3", type: "audio/mpeg" }],
          content: "",
        },
      ],
    });
    expect(feed).toEqual({
      title: "Feed",
      link: undefined,
      description: undefined,
      items: [
        expect.objectContaining({
          title: "Item",
          published: "2004-01-01T19:48:21Z",
          updated: undefined,
          authors: ["Author Name", "b@example.org"],
          categories: ["one", "two"],
          enclosures: ["http://example.org/a.mp3"],
          hasContent: undefined,
        }),
      ],
    });
  });

  it("reads Atom entries: the alternate link, label before term, enclosure links", () => {
    const feed = mapGofeed("atom", {
      entries: [
        {
          links: [
            { href: "http://example.org/self", rel: "self" },
            { href: "http://example.org/post" },
            { href: "http://example.org/a.mp3", rel: "enclosure" },
          ],
          categories: [{ term: "t1", label: "Label 1" }, { term: "t2" }],
          content: { type: "html", value: "<p>x</p>" },
        },
      ],
    });
    expect(feed.items[0]).toMatchObject({
      link: "http://example.org/post",
      categories: ["Label 1", "t2"],
      enclosures: ["http://example.org/a.mp3"],
      hasContent: true,
    });
  });
});

describe("mapping feed-rs goldens", () => {
  it("skips made-up ids and an `updated` that only repeats `published`", () => {
    const feed = mapFeedRs({
      title: { content: "Feed" },
      links: [{ href: "http://example.org/", rel: null }],
      entries: [
        {
          id: "c9e078995c3eb8a9140a3394d4a856cf",
          published: "2009-09-06T16:20:00Z",
          updated: "2009-09-06T16:20:00Z",
          summary: { content: "text" },
          media: [{ content: [{ url: "http://example.org/a.mp3" }] }],
        },
        { id: "tag:example.org,2003:1", published: null, updated: "2010-01-01T00:00:00Z" },
      ],
    });
    expect(feed.title).toBe("Feed");
    expect(feed.link).toBe("http://example.org/");
    expect(feed.items[0]).toMatchObject({
      guid: undefined,
      published: "2009-09-06T16:20:00Z",
      updated: undefined,
      hasDescription: true,
      enclosures: ["http://example.org/a.mp3"],
    });
    expect(feed.items[1]).toMatchObject({
      guid: "tag:example.org,2003:1",
      updated: "2010-01-01T00:00:00Z",
    });
  });
});

describe("checkFeed", () => {
  const article: ParsedItem = {
    title: "Second &amp; last",
    url: "https://example.org/2",
    guid: "g2",
    summary: "Some text",
    contentHtml: null,
    contentText: null,
    author: "Jane Doe, John Roe",
    publishedAt: Date.UTC(2004, 0, 1, 19, 48, 21),
    updatedAt: null,
    tags: [{ slug: "data-privacy", name: "Data Privacy" }],
    enclosures: [{ url: "http://example.org/a.mp3" }],
  };
  const parsed = {
    feed: { title: "Feed", siteUrl: "https://example.org/", description: null },
    articles: [{ ...article, title: "First", url: "https://example.org/1", guid: "g1" }, article],
  };

  it("pairs items by link and checks each field the golden states", () => {
    const checks = checkFeed(
      {
        title: "Feed",
        link: "http://example.org",
        description: "About",
        items: [
          {
            link: "https://example.org/2",
            title: "Second & last",
            guid: "g2",
            hasDescription: true,
            hasContent: true,
            published: "2004-01-01T19:48:21Z",
            updated: "2004-01-02T00:00:00Z",
            authors: ["John Roe", "Jane Doe"],
            categories: ["Data Privacy"],
            enclosures: ["http://example.org/a.mp3"],
          },
        ],
      },
      parsed,
    );
    const failed = checks.filter((c) => !c.ok).map((c) => c.path);
    expect(checks).toHaveLength(13);
    expect(failed).toEqual(["feed.description", "items[0].content", "items[0].updated"]);
  });

  it("misses every field of an item newsgate dropped", () => {
    const checks = checkFeed(
      { items: [{}, {}, { title: "Only a title", published: "2004-01-01T19:48:21Z" }] },
      parsed,
    );
    expect(checks.map((c) => [c.path, c.ok])).toEqual([
      ["items[2].title", false],
      ["items[2].published", false],
    ]);
  });

  it("reads the golden's text as HTML and newsgate's as plain text", () => {
    const shown = { ...parsed, feed: { ...parsed.feed, title: "<p>Feed</p> & more" } };
    const check = (title: string) => checkFeed({ title, items: [] }, shown)[0].ok;
    expect(check("&lt;p&gt;Feed&lt;/p&gt; &amp; more")).toBe(true);
    expect(check("<p>Feed</p> & more")).toBe(false);
    expect(
      checkFeed(
        { title: "<b>First</b>", items: [] },
        { ...parsed, feed: { ...parsed.feed, title: "First" } },
      )[0].ok,
    ).toBe(true);
  });

  it("adds up shares per field kind, the total first", () => {
    expect(fieldKind("items[12].published")).toBe("item.published");
    const golden = { suite: "s", name: "n", path: "p", expected: { items: [] } };
    const shares = shareByField([
      {
        golden,
        error: null,
        checks: [
          { path: "feed.title", expected: "a", found: "a", ok: true },
          { path: "items[0].title", expected: "b", found: null, ok: false },
          { path: "items[1].title", expected: "c", found: "c", ok: true },
        ],
      },
    ]);
    expect(shares).toEqual([
      { field: "all fields", expected: 3, matched: 2 },
      { field: "feed.title", expected: 1, matched: 1 },
      { field: "item.title", expected: 2, matched: 1 },
    ]);
  });
});

describe("mapping feed-rs goldens: made-up ids", () => {
  const guidOf = (id: string, source: string) =>
    mapFeedRs({ entries: [{ id }] }, source).items[0].guid;

  it("skips a short hex digest or a random UUID the document does not hold", () => {
    expect(guidOf("5b3104d7a7fc52768e9ddb03c21be8b", "<rss/>")).toBeUndefined();
    expect(guidOf("aef0b90a-a62f-4754-a819-38fd5426bedd", "<rss/>")).toBeUndefined();
  });

  it("keeps such an id when the document writes it", () => {
    const uuid = "aef0b90a-a62f-4754-a819-38fd5426bedd";
    expect(guidOf(uuid, `<guid>${uuid}</guid>`)).toBe(uuid);
  });
});
