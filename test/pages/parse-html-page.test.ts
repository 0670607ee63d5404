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
