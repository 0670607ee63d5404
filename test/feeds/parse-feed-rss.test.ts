import type { RawFeed } from "../../src/domain/raw-feed";
import { parseFeed } from "../../src/feeds/parse-feed";
import { readFixture } from "../ingest/parse-fixture";

describe("parseFeed: RSS 2.0", () => {
  let feed: RawFeed;
  beforeAll(async () => {
    feed = await parseFeed(readFixture("feeds/rss2-entities.xml"), {
      url: "https://blog.example.org/news/feed.rss",
    });
  });

  it("reads the channel's metadata, the self link rather than the hub", () => {
    expect({ ...feed, items: feed.items.length }).toEqual({
      kind: "rss",
      title: "The Harbour & Hills Gazette",
      siteUrl: "https://blog.example.org/",
      feedUrl: "https://blog.example.org/news/feed.rss",
      description: "Local news from <b>Harbour</b> &amp; Hills",
      language: "en-gb",
      imageUrl: "https://blog.example.org/images/logo.png",
      ttl: null,
      items: 5,
    });
  });

  it("reads description as summary and content:encoded as content", () => {
    const [first] = feed.items;
    expect(first.summary).toBe(
      "The <em>Harbour Fryer</em> took the regional prize &mdash; its third in a row.",
    );
    expect(first.content).toMatch(
      /^<p class="lead" style="color:red" onclick="steal\(\)">The <em>Harbour Fryer/,
    );
  });

  it("repairs HTML entities the XML would otherwise reject", () => {
    expect(feed.items[0].title).toBe("Fish &amp; Chips\u00a0Shop Wins   Award");
  });

  it("resolves relative links and enclosures against xml:base", () => {
    expect(feed.items[0].link).toBe(
      "https://blog.example.org/news/2026/02/fish-and-chips.html?utm_source=rss&utm_medium=feed&page=2#comments",
    );
    expect(feed.items[0].enclosures).toEqual([
      {
        url: "https://blog.example.org/news/audio/fryer-interview.mp3",
        type: "audio/mpeg",
        length: 1234567,
      },
    ]);
  });

  it("reads guid, dc:creator, pubDate and categories (with a domain attribute or not)", () => {
    const [first] = feed.items;
    expect(first.guid).toBe("gazette-1001");
    expect(first.author).toBe("Mary O'Neill");
    expect(first.published).toBe("Wed, 04 Feb 2026 09:30:00 EST");
    expect(first.categories).toEqual([
      "Food & Drink",
      "Local Business",
      "local business",
      "Café Culture",
    ]);
  });

  it("reads CDATA titles, the RSS author and the Media RSS image", () => {
    const second = feed.items[1];
    expect(second.title).toBe("Tides & Times: <i>What the new harbour wall means</i>");
    expect(second.author).toBe("editor@blog.example.org (Sam Reyes)");
    expect(second.imageUrl).toBe("https://cdn.example.org/wall-large.jpg");
    expect(second.content).toBeNull();
  });

  it("uses a description that carries markup as content too", () => {
    expect(feed.items[3].content).toMatch(/^<p>The lighthouse reopened/);
    expect(feed.items[2].content).toBeNull();
  });
});

describe("parseFeed: RSS 1.0 (RDF)", () => {
  let feed: RawFeed;
  beforeAll(async () => {
    feed = await parseFeed(readFixture("feeds/rss1-rdf.xml"));
  });

  it("reads the channel with its dc:language", () => {
    expect(feed.kind).toBe("rss");
    expect(feed.title).toBe("Science Desk");
    expect(feed.siteUrl).toBe("https://science.example.net/");
    expect(feed.language).toBe("de-DE");
  });

  it("reads dc:date, dc:creator, dc:subject and rdf:about as the guid", () => {
    expect(feed.items[0]).toMatchObject({
      guid: "https://science.example.net/2026/02/comet.html",
      link: "https://science.example.net/2026/02/comet.html",
      title: "Komet nähert sich der Erde",
      author: "Dr. Anna Schmidt",
      published: "2026-02-03T08:15:00+01:00",
      categories: ["Astronomie", "Raumfahrt"],
    });
  });

  it("reads an item's dc:language", () => {
    expect(feed.items[1].language).toBe("en");
    expect(feed.items[1].published).toBe("2026-02");
  });
});

describe("parseFeed: Media RSS and iTunes images, keywords", () => {
  it("reads media:group, media:thumbnail, media:keywords and itunes:image", async () => {
    const xml = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"
      xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>M</title>
      <item><title>a</title><media:group><media:content url="https://c.example/v.mp4" medium="video"/>
        <media:content url="https://c.example/p.jpg" type="image/jpeg"/></media:group>
        <media:keywords>space, rockets ,  moon</media:keywords></item>
      <item><title>b</title><media:thumbnail url="https://c.example/t.jpg"/></item>
      <item><title>c</title><itunes:image href="https://c.example/i.png"/></item>
    </channel></rss>`;
    const feed = await parseFeed(xml);
    expect(feed.items.map((i) => i.imageUrl)).toEqual([
      "https://c.example/p.jpg",
      "https://c.example/t.jpg",
      "https://c.example/i.png",
    ]);
    expect(feed.items[0].categories).toEqual(["space", "rockets", "moon"]);
  });
});

describe("parseFeed: RSS that borrows from Atom and writes naked markup", () => {
  let feed: RawFeed;
  beforeAll(async () => {
    feed = await parseFeed(readFixture("feeds/rss-embedded-atom.xml"));
  });

  it("takes the atom:link rel=alternate as the site when the channel has no <link>", () => {
    expect(feed.siteUrl).toBe("https://quay.example.net/");
    expect(feed.feedUrl).toBe("https://quay.example.net/feed.xml");
  });

  it("reads a title and description written as child elements as their markup", () => {
    expect(feed.title).toBe("<b>Quay</b> Notes");
    expect(feed.description).toBe("<p>Notes from the quay</p>");
  });

  it("reads atom:author, atom:content, atom:published and atom:category in an item", () => {
    const [item] = feed.items;
    expect(item.author).toBe("Mara Quill");
    expect(item.content).toBe("<p>High water at noon.</p>");
    expect(item.published).toBe("2026-03-01T06:00:00Z");
    expect(item.categories).toEqual([{ name: "Tides", term: "tides" }, "harbour", "boats"]);
  });

  it("falls back to dc:description and dc:author", () => {
    const item = feed.items[1];
    expect(item.title).toBe("Crane repairs");
    expect(item.summary).toBe("The east crane is back.");
    expect(item.author).toBe("Olu Benn");
  });

  it("reads a title, byline, guid and category written as naked XHTML", () => {
    const item = feed.items[2];
    expect(item.title).toBe("<span>Night</span> ferry");
    expect(item.author).toBe("<i>Ines Vale</i>");
    expect(item.guid).toBe("<code>ferry-77</code>");
    expect(item.categories).toEqual(["<b>Ferries</b>"]);
  });
});

describe("parseFeed: Media RSS files as enclosures", () => {
  let feed: RawFeed;
  beforeAll(async () => {
    feed = await parseFeed(readFixture("feeds/rss-media-files.xml"));
  });

  it("reads media:content as an enclosure with its type and fileSize; not thumbnails", () => {
    expect(feed.items[0].enclosures).toEqual([
      {
        url: "/clips/crane-lift.mp4",
        type: "video/mp4",
        length: 4200000,
      },
    ]);
  });

  it("reads media:content inside a media:group after the item's own enclosure", () => {
    expect(feed.items[1].enclosures.map((e) => e.url)).toEqual([
      "https://video.quay.example.net/clips/tide.mp3",
      "https://video.quay.example.net/clips/tide.mp3",
      "https://video.quay.example.net/clips/tide.webm",
    ]);
  });
});
