import { FeedParseError } from "../../src/feeds/feed-parse-error";
import { parseDocument } from "../../src/ingest/parse-document";

// Headlines in spans: no headings, no lists, no structured data for the heuristic to find.
const card = (n: number, day: number) => `
  <div class="teaser-box">
    <span class="hl"><a href="/stories/${n}?utm_source=home">Harbour board approves plan number ${n} for the quay</a></span>
    <span class="when">March ${day}, 2026</span>
    <em class="blurb">What the board decided on plan ${n}, and what comes next.</em>
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/${n}.jpg" alt="">
  </div>`;
const PAGE = `<!DOCTYPE html><html lang="en"><head><title>Harbour Times</title></head>
<body><div id="wrap">${card(1, 3)}${card(2, 2)}${card(3, 1)}</div></body></html>`;
const URL = "https://harbour.example/";
const NOW = Date.parse("2026-06-01T00:00:00Z");
const SELECTORS = {
  item: ".teaser-box",
  title: ".hl",
  summary: ".blurb",
  date: ".when",
  image: "img",
};

describe("per-source CSS selectors for html sources", () => {
  it("are needed for a page whose headlines the heuristic cannot see", async () => {
    const unaided = await parseDocument(PAGE, { url: URL, now: NOW, kind: "html" }).catch(
      (error: unknown) => (error instanceof FeedParseError ? null : Promise.reject(error)),
    );
    expect(unaided?.articles.map((a) => a.url)).not.toContain("https://harbour.example/stories/1");
  });

  it("pick each headline's title, link, summary, date and image", async () => {
    const parsed = await parseDocument(PAGE, {
      url: URL,
      now: NOW,
      kind: "html",
      selectors: SELECTORS,
    });
    expect(parsed.pageKind).toBe("listing");
    expect(parsed.articles.map((a) => [a.title, a.url])).toEqual([
      ["Harbour board approves plan number 1 for the quay", "https://harbour.example/stories/1"],
      ["Harbour board approves plan number 2 for the quay", "https://harbour.example/stories/2"],
      ["Harbour board approves plan number 3 for the quay", "https://harbour.example/stories/3"],
    ]);
    const [first] = parsed.articles;
    expect(first.summary).toBe("What the board decided on plan 1, and what comes next.");
    expect(new Date(first.publishedAt).toISOString()).toBe("2026-03-03T00:00:00.000Z");
    expect(first.imageUrl).toBe("https://harbour.example/img/1.jpg");
  });

  it("find the link from the title when no link selector is given, and skip blocks without one", async () => {
    const page = PAGE.replace(
      '<div id="wrap">',
      '<div id="wrap"><div class="teaser-box">An advert</div>',
    );
    const parsed = await parseDocument(page, {
      url: URL,
      now: NOW,
      kind: "html",
      selectors: { item: ".teaser-box" },
    });
    expect(parsed.articles).toHaveLength(3);
  });
});
