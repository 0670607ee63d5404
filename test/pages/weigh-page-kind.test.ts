import { readHtml } from "../../src/pages/read-html";
import { weighPageKind } from "../../src/pages/weigh-page-kind";

const STORY = `<div class="body">${`<p>${"The ferry returned to service on Thursday after a long refit in the yard. ".repeat(4)}</p>`.repeat(4)}</div>`;
const HEADLINES = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<h3><a href="/2026/03/0${(i % 9) + 1}/story-${i}">Headline ${i}</a></h3>`,
  ).join("");

function weigh(head: string, body: string, url = "https://news.example/2026/03/05/ferry-returns") {
  return weighPageKind(readHtml(`<html><head>${head}</head><body>${body}</body></html>`), url);
}

describe("weighPageKind", () => {
  it("reads a page that says it is an article as a story, briefs included", () => {
    expect(weigh('<meta property="og:type" content="article">', "<p>Short.</p>")).toEqual({
      story: true,
      brief: true,
      listsStories: false,
    });
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>';
    expect(weigh(ld, "<p>Short.</p>", "https://news.example/").story).toBe(true);
  });

  it("does not take og:type website or a few related links as a listing under a long text", () => {
    const head = '<meta property="og:type" content="website">';
    expect(weigh(head, STORY + HEADLINES(5)).story).toBe(true);
  });

  it("reads a site's front page of headlines as a listing", () => {
    const head = '<meta property="og:type" content="website">';
    expect(weigh(head, HEADLINES(12), "https://news.example/")).toEqual({
      story: false,
      brief: false,
      listsStories: true,
    });
    expect(weigh(head, STORY + HEADLINES(12), "https://news.example/").story).toBe(false);
  });

  it("reads structured lists as listings", () => {
    const ld =
      '<script type="application/ld+json">{"@type":"ItemList","itemListElement":[]}</script>';
    expect(weigh(ld, STORY).story).toBe(false);
  });

  it("allows a brief at a story's address, not at a section's", () => {
    expect(weigh("", "<p>Short.</p>").brief).toBe(true);
    expect(weigh("", "<p>Short.</p>", "https://news.example/world/").brief).toBe(false);
  });

  it("takes an id in the query as a story's address", () => {
    const head = '<meta property="og:type" content="website">';
    const url = "https://news.example/autonews.php?newsid=6486285";
    expect(weigh(head, "<p>A short report.</p>", url)).toMatchObject({ story: true, brief: true });
    expect(weigh(head, "<p>A page.</p>", "https://news.example/list.php?page=2").brief).toBe(false);
  });

  it("weighs Japanese running text by its characters", () => {
    const text = "二〇一八年を代表する十のオープンソースプロジェクトを紹介する。".repeat(12);
    const head = '<meta property="og:type" content="website">';
    const url = "https://news.example/info/article.html?oid=8976";
    expect(weigh(head, `<div><p>${text}</p></div>${HEADLINES(6)}`, url).story).toBe(true);
  });
});
