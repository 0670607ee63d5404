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

describe("parseHtmlPage on a story page's headings", () => {
  const url = "https://news.example/2026/03/01/bridge-inspections-begin";
  const text = `<p>${WORDS.repeat(8)}.</p>`;
  const page = (headings: string) =>
    `<html><head><title>Bridge inspections begin - Valley News</title>` +
    `<meta property="og:type" content="article"></head><body><article>${headings}${text}</article></body></html>`;

  it("leaves out the headline the title already says", () => {
    const story = parseHtmlPage(page("<h1>Bridge inspections begin</h1>"), url).feed.items[0];
    expect(story.title).toBe("Bridge inspections begin");
    expect(story.content).not.toContain("<h1");
    expect(story.content).not.toContain("inspections begin</");
  });

  it("keeps a heading in the story that says something other than the title", () => {
    const html = page(
      "<h1>Bridge inspections begin</h1>" + text + "<h1>What the floods cost last year</h1>",
    );
    const story = parseHtmlPage(html, url).feed.items[0];
    expect(story.content).toContain("What the floods cost last year");
    expect(story.content).not.toContain("inspections begin</");
  });
});

describe("parseHtmlPage on a page with one headline link", () => {
  const url = "https://forum.example/viewtopic.php?f=4&t=167&sid=58428beaa1459";
  const thread = (posts: string) =>
    `<html><head><title>What is free software - Forum</title></head><body>` +
    `<h2><a href="/viewtopic.php?f=4&amp;t=167">What is free software</a></h2>${posts}</body></html>`;

  it("reads the page's text as its story, not the link as a listing of one", () => {
    const posts = `<div class="post"><div class="content">${WORDS.repeat(4)}</div></div>`.repeat(2);
    const page = parseHtmlPage(thread(posts), url);
    expect(page.pageKind).toBe("story");
    expect(page.feed.items[0].content).toContain("Engineers inspect the supports");
  });

  it("never lists the page itself as a headline", () => {
    const self = `<html><body><h2><a href="${url}">This very page</a></h2><h2><a href="/other">Another thread here</a></h2></body></html>`;
    const titles = parseHtmlPage(self, url).feed.items.map((item) => item.title);
    expect(titles).not.toContain("This very page");
  });
});

describe("parseHtmlPage at a story's address with a grid of section links", () => {
  const url = "https://city.example/item/show/132240/1";
  const sections = [
    "Lebensmittelsicherheit",
    "Au\u00dfenwirtschaftsf\u00f6rderung",
    "Stadtentwicklung",
    "Verkehrsplanungen",
  ]
    .map((name, i) => `<h2><a href="/section-${i}">${name}</a></h2>`)
    .join("");
  const html = `<html><body><div class="grid">${sections}</div><div class="text"><p>${WORDS.repeat(3)}</p></div></body></html>`;

  it("reads one-word section names as labels, not headlines, and the page's text as its story", () => {
    const page = parseHtmlPage(html, url);
    expect(page.pageKind).toBe("story");
    expect(page.feed.items).toHaveLength(1);
    expect(page.feed.items[0].content).toContain("Engineers inspect the supports");
  });

  it("still reads the same links as headlines when they are phrases, at a section's address", () => {
    const phrases = sections.replace(/>([^<]+)</g, ">$1 opens to the public<");
    const page = parseHtmlPage(html.replace(sections, phrases), "https://city.example/themen/");
    expect(page.pageKind).toBe("listing");
    expect(page.feed.items.length).toBe(4);
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
