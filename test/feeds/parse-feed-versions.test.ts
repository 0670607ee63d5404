import { parseDocument } from "../../src/ingest/parse-document";
import { parseFeed } from "../../src/feeds/parse-feed";
import { readFixture } from "../ingest/parse-fixture";

const NOW = Date.parse("2026-02-05T12:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

describe("parseFeed: every RSS version in the wild", () => {
  it("reads RSS 0.90 (RDF with the Netscape namespace), its image beside the channel", async () => {
    const feed = await parseFeed(readFixture("feeds/rss-0.90.xml"));
    expect(feed).toMatchObject({
      kind: "rss",
      title: "Mozilla Dot Org",
      siteUrl: "http://www.mozilla.org",
      imageUrl: "http://www.mozilla.org/images/moz.gif",
    });
    expect(feed.items.map((i) => [i.title, i.link])).toEqual([
      ["New Status Updates", "http://www.mozilla.org/status/"],
      ["Bugzilla Reorganized", "http://www.mozilla.org/bugs/"],
    ]);
  });

  it("reads RSS 0.91 (Netscape) past its DTD, with HTML entities the DTD would have declared", async () => {
    const feed = await parseFeed(readFixture("feeds/rss-0.91-netscape.xml"));
    expect(feed).toMatchObject({ title: "WriteTheWeb", language: "en-us" });
    expect(feed.imageUrl).toBe("http://writetheweb.com/images/mynetscape88.gif");
    expect(feed.items[0].summary).toContain("Gnutella é—allowing");
    expect(feed.items).toHaveLength(2);
  });

  it("reads RSS 0.91 (UserLand), an item without a title included", async () => {
    const feed = await parseFeed(readFixture("feeds/rss-0.91-userland.xml"));
    expect(feed.items.map((i) => i.title)).toEqual(["stuff", null]);
    expect(feed.items[1].summary).toBe(
      'Joshua Allen: <a href="http://www.netcrucible.com/blog/">About</a> a title-less item.',
    );
  });

  it("reads RSS 0.92: enclosures, categories with a domain, items without titles", async () => {
    const feed = await parseFeed(readFixture("feeds/rss-0.92.xml"));
    expect(feed.items[0]).toMatchObject({
      title: null,
      categories: ["Music"],
      enclosures: [
        {
          url: "http://www.scripting.com/mp3s/weatherReportDicksPicsVol7.mp3",
          type: "audio/mpeg",
          length: 6182912,
        },
      ],
    });
  });

  it("reads RSS 0.93 pubDate with a named zone", async () => {
    const { articles } = await parseDocument(readFixture("feeds/rss-0.93.xml"), {
      url: "http://radio.example.com/rss",
      now: NOW,
    });
    expect(iso(articles[0].publishedAt)).toBe("2001-05-07T16:00:00.000Z");
  });

  it("reads RSS 0.94: guid, author, ttl", async () => {
    const feed = await parseFeed(readFixture("feeds/rss-0.94.xml"));
    expect(feed.ttl).toBe(45);
    expect(feed.items[0]).toMatchObject({
      guid: "http://notes.example.com/caching",
      author: "notes@example.com (Kim Lee)",
      content: "<p>Why <em>ttl</em> matters.</p>",
    });
  });

  it("reads RSS 1.0 (RDF)", async () => {
    const feed = await parseFeed(readFixture("feeds/rss1-rdf.xml"));
    expect(feed.items.map((i) => i.guid)).toEqual([
      "https://science.example.net/2026/02/comet.html",
      "https://science.example.net/2026/02/fusion.html",
    ]);
  });

  it("reads RSS 2.0 with Media RSS, iTunes, Dublin Core and content:encoded", async () => {
    const feed = await parseFeed(readFixture("feeds/rss2-media.xml"));
    expect(feed.ttl).toBe(15);
    expect(feed.imageUrl).toBe("https://radio.example.org/art/show.jpg");
    expect(feed.items[0]).toMatchObject({
      link: "https://radio.example.org/episodes/7",
      author: "Ana Ruiz, Ben Okafor",
      published: "2026-02-03T06:00:00Z",
      categories: ["Science", "tides", "moon", "harbour life"],
      imageUrl: "https://cdn.example.org/ep7-thumb.jpg",
      content:
        '<p>Why the sea comes and goes, and <a href="/tides">how to read the tables</a>.</p>',
    });
    expect(feed.items[1].imageUrl).toBe("https://radio.example.org/art/ep6.jpg");
  });
});

describe("parseFeed: Atom 0.3", () => {
  const read = () => parseFeed(readFixture("feeds/atom-0.3.xml"));

  it("reads the feed: an escaped HTML title, the tagline, the alternate link", async () => {
    const feed = await read();
    expect(feed).toMatchObject({
      kind: "atom",
      title: "Dive into &lt;mark&gt;",
      description: "A lot of effort went into making this effortless",
      siteUrl: "http://diveintomark.org/",
      language: "en",
    });
  });

  it("reads issued as published, modified as updated, and created when issued is missing", async () => {
    const feed = await read();
    expect(feed.items.map((i) => [i.published, i.updated])).toEqual([
      ["2003-12-13T08:29:29-04:00", "2003-12-13T18:30:02Z"],
      ["2003-12-12T10:00:00Z", "2003-12-12T11:00:00Z"],
      ["2003-12-11T10:00:00Z", null],
    ]);
  });

  it("reads content in escaped, xml and base64 modes, and text/plain summaries as text", async () => {
    const feed = await read();
    expect(feed.items.map((i) => i.content)).toEqual([
      "<p>An <em>escaped</em> body.</p>",
      "<p>Inline <b>XHTML</b> content.</p>",
      "<p>Encoded <strong>body</strong>.</p>",
    ]);
    expect(feed.items[0].summary).toBe("A short summary &lt;not markup&gt;.");
  });

  it("lets entries inherit the feed's author", async () => {
    const feed = await read();
    expect(feed.items.map((i) => i.author)).toEqual([
      "Mark Pilgrim",
      "Guest Writer",
      "Mark Pilgrim",
    ]);
  });

  it("normalizes to articles with plain-text titles and UTC dates", async () => {
    const { feed, articles } = await parseDocument(readFixture("feeds/atom-0.3.xml"), {
      url: "http://diveintomark.org/atom.xml",
      now: NOW,
    });
    expect(feed.title).toBe("Dive into <mark>");
    expect(iso(articles[0].publishedAt)).toBe("2003-12-13T12:29:29.000Z");
    expect(articles[0].summary).toBe("A short summary <not markup>.");
  });
});

describe("parseFeed: Atom 1.0 with a prefix", () => {
  it("reads an atom:-prefixed document like an unprefixed one", async () => {
    const xml = `<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>P</atom:title>
      <atom:entry><atom:id>urn:1</atom:id><atom:title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <i>b</i></div></atom:title>
      <atom:link href="https://p.example/1"/><atom:updated>2026-01-01T00:00:00Z</atom:updated></atom:entry></atom:feed>`;
    const feed = await parseFeed(xml);
    expect(feed.title).toBe("P");
    expect(feed.items[0]).toMatchObject({
      guid: "urn:1",
      title: "A <i>b</i>",
      link: "https://p.example/1",
      updated: "2026-01-01T00:00:00Z",
    });
  });

  it("keeps markup put inside a type=html construct instead of losing it", async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>t</title>
      <content type="html"><p>Raw <b>markup</b></p></content></entry></feed>`;
    expect((await parseFeed(xml)).items[0].content).toBe("<p>Raw <b>markup</b></p>");
  });
});

describe("parseFeed: JSON Feed 1.0 and 1.1", () => {
  it("reads 1.0: the single author object, content_text, banner_image", async () => {
    const feed = await parseFeed(readFixture("feeds/jsonfeed-1.0.json"));
    expect(feed.kind).toBe("json");
    expect(feed.items[0]).toMatchObject({
      author: "Captain Ahab",
      content: "<p>Extra sailings at weekends.<br>First ferry at 06:00.</p>",
      imageUrl: "https://ferry.example.net/img/banner.jpg",
      categories: ["Timetable"],
    });
    expect(feed.items[1].author).toBe("First Mate");
  });

  it("reads 1.1: authors, language", async () => {
    const feed = await parseFeed(readFixture("feeds/jsonfeed-1.1.json"));
    expect(feed.items[0]).toMatchObject({ author: "Rosa Diaz, Tom Becker", language: "en-US" });
  });
});
