import { readHtml } from "../../src/pages/read-html";
import { readTitle } from "../../src/pages/read-title";

const URL = "https://news.example.com/2026/03/story";

function titleOf(head: string, body: string, url = URL): string | null {
  const document = readHtml(`<html><head>${head}</head><body>${body}</body></html>`);
  return readTitle(document, {}, null, url);
}

describe("readTitle", () => {
  it("takes the heading the page's title names over an earlier one (a tagline, a section)", () => {
    const head = '<meta property="og:title" content="Council shelves the housing plan | Planet">';
    const body =
      "<h1>Read all the news that matters</h1><div><h1>News releases</h1></div>" +
      "<article><h1>Council shelves the housing plan</h1><p>Text.</p></article>";
    expect(titleOf(head, body)).toBe("Council shelves the housing plan");
  });

  it("takes a headline in the page's header when the title names it", () => {
    const head =
      "<title>What is holding up the launch?</title>" +
      '<meta property="og:title" content="It has been a rough few months for the rocket maker">';
    const body = "<header><h1>What is holding up the launch?</h1></header><p>Text.</p>";
    expect(titleOf(head, body)).toBe("What is holding up the launch?");
  });

  it("skips a heading in the site's header for the first one outside it", () => {
    const head = '<meta property="og:title" content="Shared title for social media">';
    const body =
      '<header><h1><a href="/">planet</a></h1></header>' +
      "<article><h1>The story's own headline here</h1><p>Text.</p></article>";
    expect(titleOf(head, body)).toBe("The story's own headline here");
  });

  it("takes a short heading the <title> holds over a JSON-LD headline that describes the page", () => {
    const document = readHtml(
      "<html><head><title>New Zealand - Encyclopedia</title></head>" +
        "<body><h1>New Zealand</h1><p>Text.</p></body></html>",
    );
    const story = { headline: "Island country in the south-western Pacific" };
    expect(readTitle(document, story, null, URL)).toBe("New Zealand");
    const untitled = readHtml("<html><body><h1>Original text</h1><p>Text.</p></body></html>");
    expect(readTitle(untitled, story, null, URL)).toBe(
      "Island country in the south-western Pacific",
    );
  });

  it("reads the title when a short heading is a widget's, not the story's", () => {
    const head = "<title>ADV-2026-0042 - Advisory database</title>";
    const body = '<div class="widget"><h1>Original text</h1></div><p>Text.</p>';
    expect(titleOf(head, body)).toBe("ADV-2026-0042 - Advisory database");
  });

  it("keeps a short heading the title holds", () => {
    const body = "<h1>Purple Rain</h1><p>Text.</p>";
    expect(titleOf("<title>Purple Rain | Lyrics</title>", body)).toBe("Purple Rain");
  });

  it("drops a part that names the site's host", () => {
    const head = '<meta property="og:title" content="atg 1700 - Paste.example">';
    expect(titleOf(head, "<p>Text.</p>", "https://paste.example/Af0y")).toBe("atg 1700");
  });

  it("drops a section label and the site's name after a Chinese headline in a bare title", () => {
    const head = "<title>这个约会软件想用你和对方的相似好恶来帮你找对象_智能_好奇日报</title>";
    const body = '<header><a href="/"><h1>好奇日报</h1></a></header><p>Text.</p>';
    expect(titleOf(head, body)).toBe("这个约会软件想用你和对方的相似好恶来帮你找对象");
  });

  it("does not take the site's name in a banner heading for the headline the title names", () => {
    const document = readHtml(
      '<html><head><meta property="og:site_name" content="The Daily Planet">' +
        '<meta property="og:title" content="‘Beasts’: a nice place to visit">' +
        "<title>‘Beasts’: a nice place to visit | The Daily Planet</title></head><body>" +
        "<header><h1>The Daily Planet</h1></header>" +
        "<article><h1>Beasts: A Nice Place to Visit</h1><p>Text.</p></article></body></html>",
    );
    expect(readTitle(document, {}, "The Daily Planet", URL)).toBe("Beasts: A Nice Place to Visit");
  });
});
