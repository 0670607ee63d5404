import { parseHtmlPage } from "../../src/pages/parse-html-page";

const WORDS =
  "Engineers inspect the supports of the old mill bridge every spring before the floods arrive ";

function lonePage(words: number): string {
  const text = WORDS.repeat(Math.ceil(words / 14))
    .split(" ")
    .slice(0, words)
    .join(" ");
  return `<html><head><title>Services</title></head><body><div class="content"><p>${text}.</p></div></body></html>`;
}

describe("parseHtmlPage on a page with no headlines", () => {
  const url = "https://engineers.example/services/structures";

  it("keeps a paragraph of text as the page's story", () => {
    const page = parseHtmlPage(lonePage(40), url);
    expect(page.pageKind).toBe("story");
    expect(page.feed.items[0].content).toContain("Engineers inspect the supports");
  });

  it("reads a sentence or two as nothing to ingest", () => {
    const page = parseHtmlPage(lonePage(15), url);
    expect(page.pageKind).toBe("listing");
    expect(page.feed.items).toEqual([]);
  });
});

describe("parseHtmlPage on a page about one video", () => {
  it("reads the video's page as its story, titled by its own heading", () => {
    const html =
      '<html><head><meta property="og:type" content="video.other">' +
      '<meta property="og:title" content="Keynote by Ann Lee at the conference">' +
      "<title>Keynote by Ann Lee at the conference - Videos</title></head><body>" +
      "<h1>Keynote by Ann Lee at the conference</h1><div><p>The opening keynote.</p></div>" +
      '<ul><li><a href="/watch?v=b">Next video</a></li></ul></body></html>';
    const page = parseHtmlPage(html, "https://videos.example/watch?v=srtMWzyqdp8");
    expect(page.pageKind).toBe("story");
    expect(page.feed.items[0].title).toBe("Keynote by Ann Lee at the conference");
  });
});
