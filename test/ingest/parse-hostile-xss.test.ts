import type { Article } from "../../src/domain/article";
import { parseDocument, type ParsedDocument } from "../../src/ingest/parse-document";
import { readFixture } from "./parse-fixture";

const NOW = Date.parse("2026-02-05T12:00:00Z");
const CONTENT = readFixture("feeds/hostile-xss-content.html");
const MARKUP = "<img src=x onerror=alert(1)><script>alert(1)</script><b onclick=alert(1)>";
const JS = "javascript:alert(1)";
const parse = (text: string) =>
  parseDocument(text, { url: "https://xss.example.com/feed", now: NOW });

function plainTexts(doc: ParsedDocument): string[] {
  const { title, description } = doc.feed;
  const articleTexts = (a: Article) => [
    a.title,
    a.summary,
    a.contentText,
    a.author,
    ...a.tags.map((t) => t.name),
  ];
  return [title, description, ...doc.articles.flatMap(articleTexts)].filter(
    (t): t is string => t !== null,
  );
}
function urls(doc: ParsedDocument): string[] {
  const { siteUrl, feedUrl, imageUrl } = doc.feed;
  const articleUrls = (a: Article) => [a.url, a.imageUrl, ...a.enclosures.map((e) => e.url)];
  return [siteUrl, feedUrl, imageUrl, ...doc.articles.flatMap(articleUrls)].filter(
    (u): u is string => u !== null,
  );
}

/** Asserts what every hostile feed must come out as, whatever it holds. */
function expectNothingActive(doc: ParsedDocument): void {
  for (const text of plainTexts(doc)) {
    expect(text).not.toMatch(/<\/?[a-z][^>]*>|alert\(1\)|onerror/i);
  }
  for (const url of urls(doc)) expect(url).toMatch(/^https?:\/\//);
  for (const { contentHtml } of doc.articles) {
    if (contentHtml === null) continue;
    expect(contentHtml).not.toMatch(
      /<script|<style|<svg|<math|<form|<button|<input|<object|<embed/i,
    );
    expect(contentHtml).not.toMatch(/<base|<meta|<link|<noscript/i);
    expect(contentHtml).not.toMatch(/javascript:|vbscript:|data:text|data:image\/svg/i);
    expect(contentHtml).not.toMatch(/\son\w+=|style=|srcdoc|formaction|xlink:href|expression\(/i);
    for (const [tag] of contentHtml.matchAll(/<a\b[^>]*>/g))
      expect(tag).toContain('rel="noopener noreferrer"');
    for (const [tag] of contentHtml.matchAll(/<iframe\b[^>]*>/g)) {
      expect(tag).toMatch(/src="https:\/\/(?:www\.youtube\.com|player\.vimeo\.com)\//);
      expect(tag).toContain(
        'sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"',
      );
    }
    expect(contentHtml).not.toMatch(/track\.example\.net|feedburner|pixel\.wp\.com/);
  }
}

describe("hostile XSS: RSS", () => {
  const xml = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"
    xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
    <title><![CDATA[${MARKUP}Evil Feed]]></title><link>${JS}</link>
    <description>&lt;script&gt;alert(1)&lt;/script&gt;Desc &lt;img src=x onerror=alert(1)&gt;</description>
    <image><url>${JS}</url></image>
    <item><title><![CDATA[${MARKUP}Title <b>bold</b>]]></title><link>${JS}</link><guid isPermaLink="false">x-1</guid>
      <dc:creator><![CDATA[<a href="${JS}">Mallory</a><script>alert(1)</script>]]></dc:creator>
      <category><![CDATA[<script>alert(1)</script>News<img src=x onerror=alert(1)>]]></category>
      <description><![CDATA[${MARKUP}Summary text.]]></description>
      <content:encoded><![CDATA[${CONTENT}]]></content:encoded>
      <enclosure url="${JS}" type="audio/mpeg"/><enclosure url="data:audio/mp3;base64,AAAA" type="audio/mpeg"/>
      <media:content url="${JS}" medium="image"/></item>
    <item><title>Second</title><link>vbscript:msgbox(1)</link><guid>https://xss.example.com/2</guid>
      <itunes:image href="${JS}"/><media:thumbnail url="data:image/png;base64,AAAA"/></item>
    <item><title>Third</title><link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link></item>
  </channel></rss>`;
  let doc: ParsedDocument;
  beforeAll(async () => {
    doc = await parse(xml);
  });

  it("leaves no markup in any plain-text field, no script text, no non-http URL", () => {
    expectNothingActive(doc);
  });

  it("keeps the text around the markup", () => {
    expect(doc.feed.title).toBe("Evil Feed");
    expect(doc.feed.description).toBe("Desc");
    expect(doc.articles[0]).toMatchObject({
      title: "Title bold",
      summary: "Summary text.",
      author: "Mallory",
    });
    expect(doc.articles[0].tags.map((t) => t.name)).toEqual(["News"]);
  });

  it("falls back from a javascript:, vbscript: or data: link to the permalink guid, else the feed", () => {
    const feedItem = expect.stringMatching(/^https:\/\/xss\.example\.com\/feed#item-[0-9a-f]{12}$/);
    expect(doc.articles.map((a) => a.url)).toEqual([
      feedItem,
      "https://xss.example.com/2",
      feedItem,
    ]);
  });

  it("drops javascript: and data: enclosures and images, and takes the content's first image", () => {
    expect(doc.articles[0].enclosures).toEqual([]);
    // `<img src=x onerror=...>` is an image at a relative URL once its handler is gone.
    expect(doc.articles[0].imageUrl).toBe("https://xss.example.com/x");
    expect(doc.articles[1].imageUrl).toBeNull();
    expect(doc.feed.imageUrl).toBeNull();
    expect(doc.feed.siteUrl).toBeNull();
  });

  it("keeps the safe parts of the content: text, safe links, images, allowed players", () => {
    const html = doc.articles[0].contentHtml ?? "";
    expect(html).toContain("<p>Visible text.</p>");
    expect(html).toContain('<a href="https://ok.example/" rel="noopener noreferrer">ok link</a>');
    expect(html).toContain('<img src="https://cdn.example.com/ok.jpg" alt="ok" />');
    expect(html).toContain(
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline" width="16" height="16" />',
    );
    expect(html).toContain(
      '<iframe src="https://www.youtube.com/embed/abc123" width="560" height="315" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>',
    );
    expect(html).toContain('<iframe src="https://player.vimeo.com/video/1" sandbox=');
    expect(html.match(/<iframe/g)).toHaveLength(2);
  });

  it("neutralizes scheme and handler look-alikes left in text", () => {
    expect(doc.articles[0].contentHtml).toContain(
      "javascript&#58;void(0) and a handler onclick&#61;go()",
    );
    expect(doc.articles[0].contentText).toContain("javascript:void(0) and a handler onclick=go()");
  });
});

describe("hostile XSS: Atom", () => {
  const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="javascript:alert(1)//">
    <title type="html">&lt;img src=x onerror=alert(1)&gt;Atom &lt;script&gt;alert(1)&lt;/script&gt;Feed</title>
    <subtitle type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b onclick="alert(1)">Sub</b><script>alert(1)</script></div></subtitle>
    <link rel="alternate" href="${JS}"/><logo>${JS}</logo>
    <entry><id>urn:x:1</id><title type="html">&lt;svg onload=alert(1)&gt;Entry</title>
      <link rel="alternate" href="${JS}"/><link rel="enclosure" href="${JS}"/>
      <author><name>&lt;img src=x onerror=alert(1)&gt;Eve</name></author>
      <category term="&lt;script&gt;alert(1)&lt;/script&gt;Cat"/>
      <summary type="html">${CONTENT.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</summary>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script><p onclick="alert(1)">X</p><a href="${JS}">a</a><img src="x" onerror="alert(1)"/></div></content>
    </entry></feed>`;

  it("leaves nothing active in any field", async () => {
    const doc = await parse(xml);
    expectNothingActive(doc);
    expect(doc.feed.title).toBe("Atom Feed");
    expect(doc.feed.description).toBe("Sub");
    expect(doc.articles[0]).toMatchObject({
      title: "Entry",
      author: "Eve",
      url: expect.stringMatching(/^https:\/\/xss\.example\.com\/feed#item-/),
    });
    expect(doc.articles[0].tags.map((t) => t.name)).toEqual(["Cat"]);
    expect(doc.articles[0].contentHtml).toBe(
      '<p>X</p><a rel="noopener noreferrer">a</a><img src="https://xss.example.com/x" />',
    );
  });
});

describe("hostile XSS: JSON Feed", () => {
  const text = JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: `${MARKUP}JSON Feed`,
    description: `<script>alert(1)</script>About`,
    home_page_url: JS,
    icon: JS,
    items: [
      {
        id: "j1",
        url: JS,
        external_url: "vbscript:msgbox(1)",
        title: `${MARKUP}Item`,
        summary: `<img src=x onerror=alert(1)>Short`,
        content_html: CONTENT,
        image: JS,
        banner_image: "data:image/png;base64,AAAA",
        authors: [{ name: `<script>alert(1)</script>Trudy` }],
        tags: [`<img src=x onerror=alert(1)>Tag`],
        attachments: [{ url: JS, mime_type: "audio/mpeg" }],
      },
    ],
  });

  it("leaves nothing active in any field", async () => {
    const doc = await parse(text);
    expectNothingActive(doc);
    expect(doc.feed).toMatchObject({
      title: "JSON Feed",
      description: "About",
      siteUrl: null,
      imageUrl: null,
    });
    expect(doc.articles[0]).toMatchObject({
      title: "Item",
      summary: "Short",
      author: "Trudy",
      url: expect.stringMatching(/^https:\/\/xss\.example\.com\/feed#item-/),
    });
    expect(doc.articles[0].tags.map((t) => t.name)).toEqual(["Tag"]);
  });
});
