import { parseOpml } from "../../src/opml/parse-opml";
import { writeOpml } from "../../src/opml/write-opml";

const NOW = Date.UTC(2026, 1, 4, 23, 10);

const sources = [
  {
    name: "Ars Technica",
    url: "https://feeds.arstechnica.com/arstechnica/index",
    siteUrl: "https://arstechnica.com/",
    tags: ["Tech", "Science"],
  },
  { name: "Top & <Loose> \"quoted\" 'news'", url: "https://top.example/rss?a=1&b=2", tags: [] },
  { name: "Nature", url: "https://www.nature.com/nature.rss", siteUrl: null, tags: ["Science"] },
  { name: "Wire", url: "https://wire.example/feed", tags: ["Tech"] },
  { name: "Größe – 中国 Ω", url: "https://intl.example/f", tags: ["Über & Ünter", "A<b>"] },
];

describe("writeOpml", () => {
  const xml = writeOpml(sources, { title: "My feeds & more", now: NOW });

  it("writes an OPML 2.0 head with the title and the creation date (RFC 822)", () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    expect(xml).toContain("<title>My feeds &amp; more</title>");
    expect(xml).toContain("<dateCreated>Wed, 04 Feb 2026 23:10:00 GMT</dateCreated>");
  });

  it("writes one rss outline per source, in a folder named after its first tag", () => {
    expect(xml).toContain(
      '    <outline text="Tech" title="Tech">\n' +
        '      <outline type="rss" text="Ars Technica" title="Ars Technica" ' +
        'xmlUrl="https://feeds.arstechnica.com/arstechnica/index" ' +
        'htmlUrl="https://arstechnica.com/" category="Tech,Science"/>\n' +
        '      <outline type="rss" text="Wire" title="Wire" xmlUrl="https://wire.example/feed" ' +
        'category="Tech"/>\n' +
        "    </outline>",
    );
    expect(xml.match(/type="rss"/g)).toHaveLength(sources.length);
  });

  it("leaves untagged sources at the top level and omits unknown htmlUrl", () => {
    expect(xml).toContain(
      '\n    <outline type="rss" text="Top &amp; &lt;Loose&gt; &quot;quoted&quot; \'news\'"',
    );
    expect(xml).not.toMatch(/Nature"[^>]*htmlUrl/);
  });

  it("round-trips: parsing what it wrote gives the same feeds and categories", () => {
    const doc = parseOpml(xml);
    expect(doc.title).toBe("My feeds & more");
    expect(doc.skipped).toEqual([]);
    const read = doc.outlines.map((o) => ({
      name: o.title,
      url: o.xmlUrl,
      siteUrl: o.htmlUrl,
      tags: o.categories,
    }));
    const expected = sources.map((s) => ({ ...s, siteUrl: s.siteUrl ?? null }));
    expect(sortByUrl(read)).toEqual(sortByUrl(expected));
    expect(doc.outlines.every((o) => o.type === "rss")).toBe(true);
  });

  it("keeps tags whole: the OPML separators , and / become spaces", () => {
    const out = writeOpml(
      [{ name: "S", url: "https://s.example/", tags: ["Politics/EU", "a,b"] }],
      {
        title: "t",
        now: NOW,
      },
    );
    expect(parseOpml(out).outlines[0].categories).toEqual(["Politics EU", "a b"]);
  });

  it("drops characters XML cannot carry and keeps line breaks as references", () => {
    const out = writeOpml([{ name: "Bad\u0000\u0007 name\ud800", url: "https://b.example/" }], {
      title: "line\nbreak",
      now: NOW,
    });
    expect(out).toContain('text="Bad name"');
    expect(parseOpml(out).outlines[0].title).toBe("Bad name");
  });

  it("writes an empty body when there are no sources", () => {
    const doc = parseOpml(writeOpml([], { title: "none", now: NOW }));
    expect(doc).toEqual({ title: "none", outlines: [], skipped: [] });
  });
});

function sortByUrl<T extends { url: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => a.url.localeCompare(b.url));
}
