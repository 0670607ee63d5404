import type { RawFeed } from "../../src/domain/raw-feed";
import { parseFeed } from "../../src/feeds/parse-feed";
import { readFixture } from "../ingest/parse-fixture";

describe("parseFeed: Atom 1.0", () => {
  let feed: RawFeed;
  beforeAll(async () => {
    feed = await parseFeed(readFixture("feeds/atom.xml"), {
      url: "https://dev.example.io/feeds/atom.xml",
    });
  });

  it("reads the feed's metadata: alternate and self links against xml:base, xml:lang, logo", () => {
    expect({ ...feed, items: feed.items.length }).toEqual({
      kind: "atom",
      title: "Engineering Notes",
      siteUrl: "https://dev.example.io/blog/",
      feedUrl: "https://dev.example.io/feeds/atom.xml",
      description: "Notes from the <em>platform</em> team",
      language: "en-US",
      imageUrl: "https://dev.example.io/static/logo.svg",
      ttl: null,
      items: 3,
    });
  });

  it("keeps html text constructs as HTML", () => {
    expect(feed.items[0].title).toBe("Faster builds with <code>esbuild</code> &amp; friends");
    expect(feed.items[0].content).toBe(
      '<p>Our CI took <strong>twelve</strong> minutes.</p><p>Now it takes six. <img src="charts/ci.png" alt="CI time"></p>',
    );
  });

  it("escapes text constructs so their text is never read as markup", () => {
    expect(feed.items[0].summary).toBe("We cut CI time in half. Here is how &lt;and why&gt;.");
    expect(feed.items[2].content).toBe("Plain &lt;text&gt; content, not markup.");
  });

  it("keeps xhtml content in document order, without the wrapping div", () => {
    expect(feed.items[1].content).toBe(
      '<p>Version <b>2.0</b> est <a href="download.html">disponible</a> maintenant.</p>\n' +
        "        <ul><li>Plus rapide</li><li>Plus sûr</li></ul>",
    );
  });

  it("reads id, the alternate link, author name, published and updated as written", () => {
    expect(feed.items[0]).toMatchObject({
      guid: "tag:dev.example.io,2026:post-42",
      link: "https://dev.example.io/blog/2026/02/faster-builds?utm_campaign=feed",
      author: "Lena Park",
      published: "2026-02-04T16:00:00+01:00",
      updated: "2026-02-05T08:30:00Z",
    });
  });

  it("resolves an entry's link against its own relative xml:base and reads its xml:lang", () => {
    expect(feed.items[1].link).toBe("https://dev.example.io/blog/2026/02/release-notes.html");
    expect(feed.items[1].language).toBe("fr");
  });

  it("lets entries without an author inherit the feed's", () => {
    expect(feed.items[1].author).toBe("Platform Team");
  });

  it("keeps an unparseable published date as text instead of failing the feed", () => {
    expect(feed.items[2].published).toBe("yesterday-ish");
    expect(feed.items[2].updated).toBe("2026-02-02T07:00:00-05:00");
  });

  it("reads category labels with their terms, else terms, and rel=enclosure links", () => {
    expect(feed.items[0].categories).toEqual([
      { name: "Build Tools", term: "build-tools" },
      "Performance",
    ]);
    expect(feed.items[0].enclosures).toEqual([
      { url: "https://dev.example.io/media/builds-chart.png", type: "image/png", length: 20480 },
    ]);
  });
});

describe("parseFeed: Atom authors", () => {
  it("names an author that has only an email by the email", async () => {
    const feed = await parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>Q</title><entry><id>urn:q:1</id>' +
        "<author><email>desk@quay.example.net</email></author></entry></feed>",
    );
    expect(feed.items[0].author).toBe("desk@quay.example.net");
  });
});

describe("parseFeed: Atom content of other media types", () => {
  const entry = (content: string) =>
    '<feed xmlns="http://www.w3.org/2005/Atom"><title>Q</title><entry><id>urn:q:2</id>' +
    `${content}</entry></feed>`;

  it("reads text written in the clear under a non-binary media type as text", async () => {
    const feed = await parseFeed(
      entry('<content type="application/json">{"tide":"high"}</content>'),
    );
    expect(feed.items[0].content).toBe("{&quot;tide&quot;:&quot;high&quot;}");
    const titled = await parseFeed(entry('<title type="application/x-quay">Tide, high!</title>'));
    expect(titled.items[0].title).toBe("Tide, high!");
  });

  it("still reads nothing from a binary type that is not base64 text", async () => {
    const feed = await parseFeed(entry('<content type="video/mp4">aGVsbG8=</content>'));
    expect(feed.items[0].content).toBeNull();
  });
});

describe("parseFeed: an Atom Entry Document", () => {
  it("reads a lone <entry> in the Atom namespace as a feed of that one entry", async () => {
    const feed = await parseFeed(readFixture("feeds/atom-entry-document.xml"));
    expect(feed.kind).toBe("atom");
    expect(feed.title).toBeNull();
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({
      guid: "urn:uuid:5d1c0e62-quay-wall",
      link: "https://quay.example.net/notes/wall-reopens",
      title: "Harbour wall reopens",
      author: "Mara Quill",
      updated: "2026-03-02T09:15:00Z",
      categories: [{ name: "Works", term: "works" }],
    });
  });

  it("does not take an <entry> root outside the Atom namespace for a feed", async () => {
    await expect(parseFeed("<entry><title>x</title></entry>")).rejects.toThrow(
      "not a feed: the document's root element is <entry>",
    );
  });
});
