import type { Article } from "../../src/domain/article";
import { parseDocument } from "../../src/ingest/parse-document";

const NOW = Date.parse("2026-02-05T12:00:00Z");
const URL_ = "https://news.example.com/feed.xml";
const NS =
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"';
const rss = (items: string) =>
  `<rss version="2.0" ${NS}><channel><title>N</title><link>https://news.example.com/</link>${items}</channel></rss>`;
const atom = (entries: string) =>
  `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link href="https://news.example.com/"/>${entries}</feed>`;
const json = (items: unknown[], extra: object = {}) =>
  JSON.stringify({ version: "https://jsonfeed.org/version/1.1", items, ...extra });

async function articles(text: string): Promise<Article[]> {
  return (await parseDocument(text, { url: URL_, sourceId: "s", now: NOW })).articles;
}
async function one(text: string): Promise<Article> {
  const [article] = await articles(text);
  return article;
}
const iso = (ms: number) => new Date(ms).toISOString();

describe("fallbacks: id", () => {
  it("comes from the guid, else the link, else the title and date", async () => {
    const [byGuid, byLink, byTitle] = await articles(
      rss(
        "<item><guid>g-1</guid><link>https://news.example.com/a</link></item>" +
          "<item><link>https://news.example.com/b</link></item>" +
          "<item><title>Only a title</title><pubDate>Mon, 02 Feb 2026 10:00:00 GMT</pubDate></item>",
      ),
    );
    const again = await articles(
      rss(
        "<item><title>Only a title</title><pubDate>Tue, 03 Feb 2026 10:00:00 GMT</pubDate></item>",
      ),
    );
    expect(byGuid.guid).toBe("g-1");
    expect(byLink.guid).toBeNull();
    expect(new Set([byGuid.id, byLink.id, byTitle.id]).size).toBe(3);
    expect(again[0].id).not.toBe(byTitle.id);
  });

  it("is the same when the same feed is parsed twice, for items without guids", async () => {
    const text = rss(
      "<item><link>https://news.example.com/x</link></item><item><title>T</title><pubDate>garbage</pubDate></item>",
    );
    const first = (await articles(text)).map((a) => a.id);
    const later = (await parseDocument(text, { url: URL_, sourceId: "s", now: NOW + 3_600_000 }))
      .articles;
    expect(later.map((a) => a.id)).toEqual(first);
  });
});

describe("fallbacks: title, link, author", () => {
  it("takes the title from the first words of the summary when there is none", async () => {
    const summary = "word ".repeat(40);
    expect(
      (await one(rss(`<item><guid>g</guid><description>${summary}</description></item>`))).title,
    ).toBe(`${"word ".repeat(19)}word…`);
  });

  it("takes the link from link, Atom rel=alternate, or a permalink guid", async () => {
    const [fromLink, fromGuid, notPermalink] = await articles(
      rss(
        "<item><title>a</title><link>/a</link></item>" +
          "<item><title>b</title><guid>https://news.example.com/b</guid></item>" +
          '<item><title>c</title><guid isPermaLink="false">c-1</guid></item>',
      ),
    );
    expect(fromLink.url).toBe("https://news.example.com/a");
    expect(fromGuid.url).toBe("https://news.example.com/b");
    expect(notPermalink.url).toMatch(/^https:\/\/news\.example\.com\/#item-[0-9a-f]{12}$/);
    const entry = await one(
      atom(
        '<entry><id>e</id><title>t</title><link rel="self" href="/self"/><link rel="alternate" href="/alt"/></entry>',
      ),
    );
    expect(entry.url).toBe("https://news.example.com/alt");
  });

  it("takes the author from author, dc:creator, Atom author name, JSON Feed authors or author", async () => {
    const [rssAuthor, creator] = await articles(
      rss(
        "<item><title>a</title><author>a@b.c (Al)</author></item><item><title>b</title><dc:creator>Bo</dc:creator></item>",
      ),
    );
    expect([rssAuthor.author, creator.author]).toEqual(["Al", "Bo"]);
    expect(
      (await one(atom("<entry><id>e</id><title>t</title><author><name>Cy</name></author></entry>")))
        .author,
    ).toBe("Cy");
    const [many, single] = await articles(
      json([
        { id: "1", title: "a", authors: [{ name: "Di" }, { name: "Ed" }] },
        { id: "2", title: "b", author: { name: "Fay" } },
      ]),
    );
    expect([many.author, single.author]).toEqual(["Di, Ed", "Fay"]);
  });
});

describe("fallbacks: dates", () => {
  const published = async (item: string) =>
    iso((await one(rss(`<item><title>t</title>${item}</item>`))).publishedAt);

  it("reads pubDate, else dc:date", async () => {
    expect(await published("<pubDate>Wed, 04 Feb 2026 10:00:00 GMT</pubDate>")).toBe(
      "2026-02-04T10:00:00.000Z",
    );
    expect(await published("<dc:date>2026-02-04T10:00:00+02:00</dc:date>")).toBe(
      "2026-02-04T08:00:00.000Z",
    );
  });

  it("reads Atom published, else updated", async () => {
    const [a, b] = await articles(
      atom(
        "<entry><id>1</id><title>a</title><published>2026-02-01T00:00:00Z</published><updated>2026-02-02T00:00:00Z</updated></entry>" +
          "<entry><id>2</id><title>b</title><updated>2026-02-03T00:00:00Z</updated></entry>",
      ),
    );
    expect([iso(a.publishedAt), iso(b.publishedAt)]).toEqual([
      "2026-02-01T00:00:00.000Z",
      "2026-02-03T00:00:00.000Z",
    ]);
  });

  it.each([
    ["RFC 822 without a weekday", "04 Feb 2026 10:00:00 +0000", "2026-02-04T10:00:00.000Z"],
    ["a two-digit year", "Wed, 04 Feb 26 10:00:00 GMT", "2026-02-04T10:00:00.000Z"],
    ["a named zone (EST)", "Wed, 04 Feb 2026 10:00:00 EST", "2026-02-04T15:00:00.000Z"],
    ["a named zone (PDT)", "Wed, 04 Feb 2026 10:00:00 PDT", "2026-02-04T17:00:00.000Z"],
    ["no zone (read as UTC)", "Wed, 04 Feb 2026 10:00:00", "2026-02-04T10:00:00.000Z"],
    ["RFC 3339", "2026-02-04T10:00:00.250-03:00", "2026-02-04T13:00:00.250Z"],
    ["W3C-DTF to the minute", "2026-02-04T10:00+01:00", "2026-02-04T09:00:00.000Z"],
    ["plain YYYY-MM-DD", "2026-02-04", "2026-02-04T00:00:00.000Z"],
    ["an unparseable date (first seen: now)", "the other day", "2026-02-05T12:00:00.000Z"],
    [
      "a far-future date (clamped to now)",
      "Fri, 01 Jan 2100 00:00:00 GMT",
      "2026-02-05T12:00:00.000Z",
    ],
  ])("reads %s", async (_name, date, expected) => {
    expect(await published(`<pubDate>${date}</pubDate>`)).toBe(expected);
  });
});

describe("fallbacks: summary, content, image", () => {
  it("reads content:encoded as content and description as summary", async () => {
    const article = await one(
      rss(
        "<item><title>t</title><description>Teaser</description><content:encoded><![CDATA[<p>Body</p>]]></content:encoded></item>",
      ),
    );
    expect([article.summary, article.contentHtml]).toEqual(["Teaser", "<p>Body</p>"]);
  });

  it("reads Atom text, html and xhtml summaries and content", async () => {
    const [text, html, xhtml] = await articles(
      atom(
        '<entry><id>1</id><title>a</title><summary type="text">1 &lt; 2</summary></entry>' +
          '<entry><id>2</id><title>b</title><content type="html">&lt;p&gt;H&lt;/p&gt;</content></entry>' +
          '<entry><id>3</id><title>c</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>X</p></div></content></entry>',
      ),
    );
    expect(text.summary).toBe("1 < 2");
    expect(html.contentHtml).toBe("<p>H</p>");
    expect(xhtml.contentHtml).toBe("<p>X</p>");
  });

  it("reads JSON Feed content_html, else content_text, and summary", async () => {
    const [html, text] = await articles(
      json([
        { id: "1", title: "a", content_html: "<p>H</p>", summary: "S" },
        { id: "2", title: "b", content_text: "T <not markup>" },
      ]),
    );
    expect([html.contentHtml, html.summary]).toEqual(["<p>H</p>", "S"]);
    expect(text.contentText).toBe("T <not markup>");
  });

  it("takes the image from media, itunes, an image enclosure, else the first image of the content", async () => {
    const images = (
      await articles(
        rss(
          '<item><title>a</title><media:content url="https://i.example/m.jpg" medium="image"/></item>' +
            '<item><title>b</title><itunes:image href="https://i.example/i.jpg"/></item>' +
            '<item><title>c</title><enclosure url="https://i.example/e.png" type="image/png"/></item>' +
            '<item><title>d</title><description><![CDATA[<p>x</p><img src="/c.jpg">]]></description></item>',
        ),
      )
    ).map((a) => a.imageUrl);
    expect(images).toEqual([
      "https://i.example/m.jpg",
      "https://i.example/i.jpg",
      "https://i.example/e.png",
      "https://news.example.com/c.jpg",
    ]);
  });

  it("decodes entities once per layer (the XML, then the HTML it carries), never twice", async () => {
    const [escapedHtml, cdata] = await articles(
      rss(
        "<item><title>AT&amp;amp;T &amp;lt;3</title></item>" +
          "<item><title><![CDATA[AT&amp;amp;T &amp;lt;3]]></title></item>",
      ),
    );
    expect(escapedHtml.title).toBe("AT&T <3");
    expect(cdata.title).toBe("AT&amp;T &lt;3");
  });
});
