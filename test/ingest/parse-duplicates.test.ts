import type { Article } from "../../src/domain/article";
import { parseDocument } from "../../src/ingest/parse-document";

const NOW = Date.parse("2026-02-05T12:00:00Z");
const rss = (items: string) =>
  `<rss version="2.0"><channel><title>N</title><link>https://news.example.com/</link>${items}</channel></rss>`;

async function articles(text: string): Promise<Article[]> {
  const url = "https://news.example.com/feed.xml";
  return (await parseDocument(text, { url, sourceId: "s", now: NOW })).articles;
}

describe("parseDocument: duplicates", () => {
  it("makes one article of a guid repeated in a feed: the first occurrence wins", async () => {
    const list = await articles(
      rss(
        "<item><guid>dup</guid><title>First</title></item><item><guid>other</guid><title>Other</title></item>" +
          "<item><guid>dup</guid><title>Second</title></item>",
      ),
    );
    expect(list.map((a) => a.title)).toEqual(["First", "Other"]);
  });

  it("makes one article of items without guids that share a link", async () => {
    const list = await articles(
      rss(
        "<item><title>A</title><link>https://news.example.com/s</link></item><item><title>B</title><link>https://news.example.com/s#x</link></item>",
      ),
    );
    expect(list.map((a) => a.title)).toEqual(["A"]);
  });
});
