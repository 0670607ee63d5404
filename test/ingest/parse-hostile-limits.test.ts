import * as normalizeModule from "../../src/domain/normalize-item";
import { DEFAULT_MAX_ITEMS, parseDocument } from "../../src/ingest/parse-document";

const NOW = Date.parse("2026-02-05T12:00:00Z");
const URL_ = "https://big.example.com/feed";
const parse = (text: string, maxItems?: number) =>
  parseDocument(text, { url: URL_, now: NOW, maxItems });
const MB = 1_000_000;
const rss = (items: string, channel = "<title>Big</title>") =>
  `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>${channel}${items}</channel></rss>`;
const cdata = (text: string) => `<![CDATA[${text}]]>`;

describe("hostile limits: 100,000 items", () => {
  // Item i is dated i minutes after a fixed time, except every 1000th, dated far later: the
  // newest are scattered through the document.
  const dated = Array.from({ length: 100_000 }, (_, i) => {
    const minutes = i % 1000 === 0 ? 10_000_000 + i : i;
    const date = new Date(Date.UTC(2000, 0, 1) + minutes * 60_000).toUTCString();
    return `<item><guid>g${i}</guid><title>t${i}</title><pubDate>${date}</pubDate></item>`;
  }).join("");
  let titles: string[];
  let normalized: number;
  beforeAll(async () => {
    const normalize = jest.spyOn(normalizeModule, "normalizeItem");
    titles = (await parse(rss(dated))).articles.map((a) => a.title);
    normalized = normalize.mock.calls.length;
    normalize.mockRestore();
  });

  it("returns exactly maxItems (500 by default) and normalizes no more than that", () => {
    expect(DEFAULT_MAX_ITEMS).toBe(500);
    expect(titles).toHaveLength(500);
    expect(normalized).toBe(500);
  });

  it("keeps the newest by published date, in document order", () => {
    const scattered = Array.from({ length: 100 }, (_, k) => k * 1000);
    const last = Array.from({ length: 400 }, (_, k) => 99_600 + k);
    expect(titles).toEqual([...scattered, ...last].map((i) => `t${i}`));
  });

  it("keeps the first maxItems in document order when items have no dates", async () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({ id: `i${i}`, title: `t${i}` }));
    const text = JSON.stringify({ version: "https://jsonfeed.org/version/1.1", items });
    const { articles } = await parse(text, 10);
    expect(articles.map((a) => a.title)).toEqual(items.slice(0, 10).map((i) => i.title));
  });
});

describe("hostile limits: huge fields", () => {
  const words = (chars: number) => "lorem ipsum ".repeat(Math.ceil(chars / 12)).slice(0, chars);

  it("caps a 1 MB title at 500 characters, at a word boundary", async () => {
    const [article] = (await parse(rss(`<item><guid>g</guid><title>${words(MB)}</title></item>`)))
      .articles;
    expect(article.title.length).toBeLessThanOrEqual(500);
    expect(article.title).toMatch(/(?:lorem|ipsum)…$/);
  });

  it("caps a 1 MB summary at 300 characters", async () => {
    const [article] = (
      await parse(
        rss(`<item><guid>g</guid><title>t</title><description>${words(MB)}</description></item>`),
      )
    ).articles;
    expect(article.summary?.length).toBeLessThanOrEqual(300);
  });

  it("sanitizes at most 1,000,000 characters of content, cut before a tag, and closes what is open", async () => {
    const html = `<div>${"<p>Some words of text.</p>".repeat(100_000)}</div>`;
    const [article] = (
      await parse(
        rss(
          `<item><guid>g</guid><title>t</title><content:encoded>${cdata(html)}</content:encoded></item>`,
        ),
      )
    ).articles;
    expect(html.length).toBeGreaterThan(2 * MB);
    expect(article.contentHtml!.length).toBeLessThanOrEqual(MB + 10);
    expect(article.contentHtml).toMatch(/<p>Some words of text\.<\/p><\/div>$/);
  });

  it("sanitizes at most 10,000 tags of content", async () => {
    const html = "<b>x</b>".repeat(50_000);
    const [article] = (
      await parse(
        rss(
          `<item><guid>g</guid><title>t</title><content:encoded>${cdata(html)}</content:encoded></item>`,
        ),
      )
    ).articles;
    expect(article.contentHtml!.match(/<b>/g)).toHaveLength(5_000);
  });

  it("bounds author, tags, enclosures, link and date", async () => {
    const categories = Array.from({ length: 10_000 }, (_, i) => `<category>c${i}</category>`).join(
      "",
    );
    const enclosures = Array.from(
      { length: 1000 },
      (_, i) => `<enclosure url="https://big.example.com/${i}.mp3"/>`,
    ).join("");
    const item =
      `<item><guid>g</guid><title>t</title><author>${words(MB)}</author><category>${words(MB)}</category>` +
      `${categories}${enclosures}<link>https://big.example.com/${"a".repeat(MB)}</link>` +
      `<pubDate>${"Mon, 02 Feb 2026 ".repeat(50_000)}</pubDate></item>`;
    const [article] = (await parse(rss(item))).articles;
    expect(article.author!.length).toBeLessThanOrEqual(200);
    expect(article.tags).toHaveLength(50);
    expect(article.tags[0].name.length).toBeLessThanOrEqual(100);
    expect(article.enclosures).toHaveLength(20);
    // The link is too long to be one: the item links to its first enclosure.
    expect(article.url).toBe("https://big.example.com/0.mp3");
    expect(article.publishedAt).toBe(NOW);
  });

  it("caps a 1 MB feed title and description", async () => {
    const { feed } = await parse(
      rss("", `<title>${words(MB)}</title><description>${words(MB)}</description>`),
    );
    expect(feed.title!.length).toBeLessThanOrEqual(500);
    expect(feed.description!.length).toBeLessThanOrEqual(1000);
  });
});

describe("hostile limits: markup that makes naive parsers quadratic, 1 MB each", () => {
  // Each finishes in bounded work (the suite's timeout is the only clock; no time is asserted).
  it.each([
    ["unclosed tag starts", "<p".repeat(MB / 2)],
    ["bare angle brackets", "<".repeat(MB)],
    ["unclosed quoted attributes", '<a title="'.repeat(MB / 10)],
    ["deep nesting and stray closing tags", "<div>".repeat(MB / 10) + "</span>".repeat(MB / 14)],
    [
      "tracking pixels after text",
      "x".repeat(MB / 2) + '<img src="https://t.example/p.gif" width="1">'.repeat(MB / 90),
    ],
    ["unclosed comments", "<!--".repeat(MB / 4)],
    ["unclosed scripts", "<script>".repeat(MB / 8)],
    ["entity-like runs", "&#".repeat(MB / 2)],
    ["links with comments in href", `<a href="${"<!--x-->".repeat(MB / 8)}">x</a>`],
  ])("reads %s in content, summary and title", async (_shape, html) => {
    const item = `<item><guid>g</guid><title>${cdata(html)}</title><description>${cdata(html)}</description><content:encoded>${cdata(html)}</content:encoded></item>`;
    const [article] = (await parse(rss(item))).articles;
    expect(article.title.length).toBeLessThanOrEqual(500);
    expect(article.contentHtml?.length ?? 0).toBeLessThanOrEqual(MB + 100_000);
  });
});
