import { extractPageMeta } from "../../src/pages/extract-page-meta";
import { readHtml } from "../../src/pages/read-html";

const URL = "https://news.example.com/2026/03/story";

function metaOf(head: string, body = "<p>Text.</p>"): ReturnType<typeof extractPageMeta> {
  return extractPageMeta(readHtml(`<html><head>${head}</head><body>${body}</body></html>`), URL);
}

describe("extractPageMeta", () => {
  it("reads a meta tag that carries its value in `value` instead of `content`", () => {
    const meta = metaOf(
      '<meta name="og:image" value="/img/lead.jpg"><meta name="author" value="Ann Lee">',
    );
    expect(meta.imageUrl).toBe("https://news.example.com/img/lead.jpg");
    expect(meta.author).toBe("Ann Lee");
  });

  it("matches meta names without regard to case", () => {
    const meta = metaOf('<meta name="DC.Creator" content="Ann Lee">');
    expect(meta.author).toBe("Ann Lee");
  });

  it("prefers a byline meta over an `author` meta that names the publisher", () => {
    const meta = metaOf(
      '<meta property="og:site_name" content="Daily Planet"><meta name="author" content="Daily Planet">' +
        '<meta name="dc.creator" content="Ann Lee">',
    );
    expect(meta.author).toBe("Ann Lee");
  });

  it("joins the people of a JSON-LD author list and skips the publishing organization", () => {
    const ld = {
      "@type": "NewsArticle",
      author: [
        { "@type": "Person", name: "Ann Lee" },
        { "@type": "Person", name: "Bo Chen" },
        { "@type": "Organization", name: "Daily Planet" },
      ],
    };
    const meta = metaOf(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`);
    expect(meta.author).toBe("Ann Lee and Bo Chen");
  });

  it("takes the shown byline's name, not the chrome around it", () => {
    const meta = metaOf(
      "",
      '<article><div class="byline"><a href="/author/ann-lee">Ann Lee</a> Ann Lee TV Columnist ' +
        '<a href="/author/ann-lee">More Stories By Ann</a></div><p>Text.</p></article>' +
        '<aside><div class="byline"><a href="/author/bo">Bo Chen</a></div></aside>',
    );
    expect(meta.author).toBe("Ann Lee");
  });

  it("reads a byline line and drops its date and follow button", () => {
    const meta = metaOf(
      "",
      '<article><p class="byline">By Ann Lee +Follow Dec 13, 2016</p></article>',
    );
    expect(meta.author).toBe("Ann Lee");
  });

  it("skips a published date it cannot read for the next one the page states", () => {
    const meta = metaOf(
      '<meta name="dc.date.created" content="2017-03-13|19h18">' +
        '<meta name="sailthru.date" content="2017-03-13T23:18:00Z">',
    );
    expect(meta.published).toBe("2017-03-13T23:18:00Z");
  });

  it("reads a Japanese date line in Japan's time", () => {
    const meta = metaOf("", '<article><p class="date">2019年04月21日 12時00分更新</p></article>');
    expect(meta.published).toBe("2019-04-21T12:00:00+09:00");
  });

  it("reads a day-first dotted date line as the day", () => {
    const meta = metaOf("", '<article><ul><li class="meta-date">19.07.2022</li></ul></article>');
    expect(meta.published).toBe("2022-07-19");
  });

  it("takes the story's headline over a social title rewritten for sharing", () => {
    const meta = metaOf(
      '<meta property="og:title" content="You will not believe what the council did">',
      "<article><h1>Council shelves the housing plan</h1><p>Text.</p></article>",
    );
    expect(meta.title).toBe("Council shelves the housing plan");
  });

  it("keeps the social title when the only heading is the site's name", () => {
    const meta = metaOf(
      '<meta property="og:site_name" content="Daily Planet">' +
        '<meta property="og:title" content="Council shelves the housing plan">',
      "<header><h1>Daily Planet</h1></header><p>Text.</p>",
    );
    expect(meta.title).toBe("Council shelves the housing plan");
  });

  it("drops the site's name after a Japanese headline's colon", () => {
    const meta = metaOf(
      '<meta property="og:site_name" content="朝日新聞デジタル"><title>芸術祭賞が決まる：朝日新聞デジタル</title>',
    );
    expect(meta.title).toBe("芸術祭賞が決まる");
  });

  it("reads the name inside a byline block whose parts run together", () => {
    const meta = metaOf(
      "",
      '<article><div class="article_byline"><div>By <span>Ann Lee</span></div>' +
        "<div>DAILY PLANET</div><time>Dec 16, 2016 at 1:38 pm</time></div><p>Text.</p></article>",
    );
    expect(meta.author).toBe("Ann Lee");
  });

  it("reads an author link and a class-named author block", () => {
    expect(metaOf("", '<article><a href="/author/ann-lee">Ann Lee</a></article>').author).toBe(
      "Ann Lee",
    );
    expect(
      metaOf("", '<article><a class="story__author" href="/u/ann">ByAnn Lee</a></article>').author,
    ).toBe("Ann Lee");
  });

  it("reads Dublin Core titles and bylines in a space-separated property list", () => {
    const meta = metaOf(
      '<meta property="og:title dc:title" content="Preferred title">' +
        '<meta property="dc:creator" content="Ann Lee">',
      "<h1>Something else entirely here</h1>",
    );
    expect(meta.title).toBe("Preferred title");
    expect(meta.author).toBe("Ann Lee");
  });
});
