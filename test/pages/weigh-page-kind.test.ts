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

  it("counts one story described twice in JSON-LD as one article", () => {
    const node = (type: string) =>
      `<script type="application/ld+json">{"@type":"${type}","headline":"Ferry returns"}</script>`;
    expect(weigh(node("Article") + node("NewsArticle"), STORY).story).toBe(true);
    const other =
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Other"}</script>';
    expect(weigh(node("NewsArticle") + other, STORY)).toMatchObject({
      story: false,
      listsStories: true,
    });
  });

  it("takes a file name for a hint of a story's address, a folder's index not", () => {
    expect(
      weigh("", "<p>A short notice.</p>", "https://agency.example/notices/fuel.html").brief,
    ).toBe(true);
    expect(
      weigh("", "<p>A short notice.</p>", "https://agency.example/notices/index.html").brief,
    ).toBe(false);
  });

  it("reads a file's address through a session parameter in the path", () => {
    const url = "https://agency.example/notices/2021_11_fuel.html;jsessionid=B01BDCE4530E.2_cid390";
    expect(weigh("", "<p>A short notice.</p>", url).brief).toBe(true);
  });

  it("does not count headings that link to other sites as the page's headlines", () => {
    const others = Array.from(
      { length: 6 },
      (_, i) => `<h3><a href="https://site${i}.example/">Friends of the wiki ${i}</a></h3>`,
    ).join("");
    expect(weigh("", `<p>A short page.</p>${others}`).listsStories).toBe(false);
    expect(weigh("", `<p>A short page.</p>${HEADLINES(6)}`).listsStories).toBe(true);
  });

  it("reads a page whose Open Graph type names one work (a video) as a story, briefs included", () => {
    const head = '<meta property="og:type" content="video.other">';
    const url = "https://videos.example/watch?v=srtMWzyqdp8";
    expect(weigh(head, "<h1>Keynote</h1>", url)).toMatchObject({ story: true, brief: true });
  });

  it("counts an Open Graph type of one thing at its own address for a story", () => {
    const url = "https://code.example/ann/marzipan";
    const head = `<meta property="og:type" content="object"><link rel="canonical" href="${url}">`;
    expect(weigh(head, `<p>A tool.</p>${HEADLINES(4)}`, url).story).toBe(true);
    const plain = `<link rel="canonical" href="${url}">`;
    expect(weigh(plain, `<p>A tool.</p>${HEADLINES(4)}`, url).story).toBe(false);
  });

  it("counts a headline the page's title names for a story", () => {
    const head =
      '<meta property="og:type" content="website">' +
      "<title>Government ad sparks fury over its graphic scenes</title>";
    const related = HEADLINES(7);
    const titled = "<h1>Government ad sparks fury over its graphic scenes</h1><p>A quote.</p>";
    expect(weigh(head, titled + related).story).toBe(true);
    expect(weigh(head, `<h1>Latest news</h1><p>A quote.</p>${related}`).story).toBe(false);
  });

  it("takes a slug joined by underscores as a story's address", () => {
    const head = '<meta property="og:type" content="website">';
    const base = "https://forum.example/r/thoughts/comments/awx46q/";
    expect(weigh(head, "<p>Comments.</p>", `${base}vanilla_is_the_greatest/`).story).toBe(true);
    expect(weigh(head, "<p>Comments.</p>", base).story).toBe(false);
  });

  it("weighs Japanese running text by its characters", () => {
    const text = "二〇一八年を代表する十のオープンソースプロジェクトを紹介する。".repeat(12);
    const head = '<meta property="og:type" content="website">';
    const url = "https://news.example/info/article.html?oid=8976";
    expect(weigh(head, `<div><p>${text}</p></div>${HEADLINES(6)}`, url).story).toBe(true);
  });
});
