import { readByline } from "../../src/pages/read-byline";
import { readHtml } from "../../src/pages/read-html";
import { ARTICLE_TYPES, hasType, readJsonLd } from "../../src/pages/read-json-ld";

function bylineOf(
  head: string,
  body = "<p>Text.</p>",
  siteName: string | null = null,
): string | null {
  const document = readHtml(`<html><head>${head}</head><body>${body}</body></html>`);
  const story = readJsonLd(document).find((node) => hasType(node, ...ARTICLE_TYPES)) ?? {};
  return readByline(document, story, siteName);
}

describe("readByline: the byline the page shows", () => {
  it("matches byline class words without regard to case and drops a doubled 'By'", () => {
    const body =
      '<div class="ShareByline"><div><span>By</span><span>by ANN LEE and BO CHEN</span></div>' +
      "<div>December 16, 2016, 4:19 PM</div></div>";
    expect(bylineOf("", body)).toBe("ANN LEE and BO CHEN");
  });

  it("reads a 'By' line whose name is a link and whose date has an ordinal", () => {
    const body =
      '<cite class="meta-writer-name">By <a href="/ann-lee/">Ann Lee</a>, ' +
      "<time>December 16th 2016</time></cite>";
    expect(bylineOf("", body)).toBe("Ann Lee");
  });

  it("reads a 'By' line without any class word", () => {
    const body =
      '<div><div><span>By </span><a href="/p/1910837">Ann Lee</a></div><time>Dec. 2, 2016</time></div>';
    expect(bylineOf("", body)).toBe("Ann Lee");
  });

  it("takes the linked name of a 'Written by' line that goes on with a section and a date", () => {
    const body =
      '<div class="author">Written by <a href="https://ann.example/">Ann Lee</a> in ' +
      '<a href="/topics/science">Science</a> on 1 June 2019 at 08:34 PM EDT.</div>';
    expect(bylineOf("", body)).toBe("Ann Lee");
  });

  it("ignores a 'By' that labels a link, such as a partner widget's attribution", () => {
    const body = '<div class="partners"><a href="https://partner.example/">By PartnerCo</a></div>';
    expect(bylineOf('<meta name="author" content="Site Staff">', body)).toBe("Site Staff");
  });

  it("reads a writer element and a name inside an author block", () => {
    expect(
      bylineOf("", '<span class="writer">松村太郎</span><span class="date">2019年04月13日</span>'),
    ).toBe("松村太郎");
    const card =
      '<div class="author"><a href="/u/1"><img src="/face.jpg"></a><span class="name">谢若含</span>' +
      '<span class="date">2017-03-01 14:27:02</span></div>';
    expect(bylineOf("", card)).toBe("谢若含");
  });

  it("reads the name of an author card made of a link, a title and a date", () => {
    const card =
      '<div class="main-author-card"><a href="/in/ann"><span>Ann Lee</span></a><h3>Ann Lee</h3>' +
      "<h4>Building things in the open.</h4><div>Published Dec 19, 2016</div></div>";
    expect(bylineOf("", card)).toBe("Ann Lee");
  });

  it("takes a user name from an explicit rel=author link", () => {
    expect(
      bylineOf("", '<span class="by-author">by <a rel="author" href="/a/doumae">doumae</a></span>'),
    ).toBe("doumae");
  });

  it("keeps the name after a section label and a bullet", () => {
    const body = '<div class="article__author">Politik · Jochen Bittner, Tina Hildebrandt</div>';
    expect(bylineOf("", body)).toBe("Jochen Bittner, Tina Hildebrandt");
  });

  it("reads the name after a Japanese label, never the label itself", () => {
    expect(bylineOf("", '<p class="credit">文：山田太郎</p>')).toBe("山田太郎");
    const list =
      '<dl class="p-author"><dt>著者</dt><dd><a href="/author/1/">お米ゴハン</a></dd></dl>';
    expect(bylineOf("", list)).toBe("お米ゴハン");
  });

  it("drops a social handle beside the name", () => {
    const body =
      '<span class="cnnbyline"><span class="byline">by Ann Lee</span> ' +
      '<a href="https://social.example/annlee">@annlee</a></span>';
    expect(bylineOf("", body)).toBe("Ann Lee");
  });

  it("does not take a teaser article's author for the story's", () => {
    const body =
      '<main><h1>The headline of the story</h1><div class="byline__content"><a class="byline__name">Ann Lee</a></div>' +
      '<p>Text.</p><article class="tease"><h4>Another story</h4>' +
      '<a class="tease__author-link" href="/author/team">Site Team</a></article></main>';
    expect(bylineOf("", body)).toBe("Ann Lee");
  });
});

describe("readByline: several names", () => {
  it("keeps the page's own wording of its linked names", () => {
    const body =
      '<div><a href="/author/ann-lee/"><span>Ann Lee,</span></a><a href="/author/time/"><span>TIME</span></a></div>';
    expect(bylineOf("", body)).toBe("Ann Lee, TIME");
  });

  it("takes a co-author the byline names without a link", () => {
    const body =
      '<div class="article-byline">By <span class="byline-name">Ann Lee</span> and ' +
      '<span class="byline-name"><a href="/author/bo-chen">Bo Chen</a></span></div>';
    expect(bylineOf("", body)).toBe("Ann Lee and Bo Chen");
  });

  it("does not take an agency or a job title after the name for a co-author", () => {
    const body =
      '<div class="metadata__byline">By <a href="/profiles/ann-lee">Ann Lee</a>, CNN</div>';
    expect(bylineOf("", body)).toBe("Ann Lee");
    const job =
      '<div class="byline">By <a href="/profiles/ann-lee">Ann Lee</a>, Local Democracy Reporter</div>';
    expect(bylineOf("", job)).toBe("Ann Lee");
  });

  it("lists every author of a paper's citation metas, surname first turned round", () => {
    const head =
      '<meta name="citation_author" content="Lee, Ann"><meta name="citation_author" content="Bo Chen">' +
      '<meta name="citation_author" content="Cy Diaz">';
    expect(bylineOf(head, '<div class="byline">Ann Lee</div>')).toBe(
      "Ann Lee, Bo Chen and Cy Diaz",
    );
  });
});

describe("readByline: metadata", () => {
  it("skips a path, a handle and a user name where a name should be", () => {
    expect(
      bylineOf(
        '<meta property="article:author" content="/@annlee"><meta name="author" content="Ann Lee">',
      ),
    ).toBe("Ann Lee");
    expect(
      bylineOf(
        '<meta name="sailthru.author" content="annlee"><meta name="byline" content="Ann Lee | ann@example.com">',
      ),
    ).toBe("Ann Lee");
    expect(bylineOf('<meta name="twitter:creator" content="@annlee">')).toBeNull();
  });

  it("reads the name on the page's link to the author page that article:author gives", () => {
    const head =
      '<meta property="article:author" content="https://news.example.com/editors/ann-lee">';
    const body =
      '<nav><a href="/editors/">Editors</a></nav><div class="meta"><a href="https://news.example.com/about/editors/ann-lee/">Ann Lee</a></div>';
    expect(bylineOf(head, body)).toBe("Ann Lee");
    const social = '<meta property="article:author" content="https://social.example/newsdesk/">';
    expect(bylineOf(social, '<a href="https://social.example/newsdesk/">Social</a>')).toBeNull();
  });

  it("takes twitter:creator as a last resort when it is a name", () => {
    expect(bylineOf('<meta name="twitter:creator" content="Ann Lee">')).toBe("Ann Lee");
  });

  it("reads the cXense author meta", () => {
    expect(bylineOf('<meta name="cXenseParse:author" content="Example Japan Staff">')).toBe(
      "Example Japan Staff",
    );
  });

  it("prefers the shown writer to an author meta that names a company", () => {
    const head = '<meta name="author" content="examplemedia Inc.">';
    const body = '<li class="post-AssistAuthor"><img alt="author" src="/i.svg"> 小暮ひさのり </li>';
    expect(bylineOf(head, body)).toBe("小暮ひさのり");
    expect(bylineOf(head)).toBeNull();
  });

  it("turns a sort-order name round, but not a name and its agency", () => {
    expect(bylineOf('<meta name="parsely-author" content="Lee, Ann">')).toBe("Ann Lee");
    expect(bylineOf('<meta name="parsely-author" content="Ann Lee, TIME">')).toBe("Ann Lee, TIME");
    expect(bylineOf('<meta name="parsely-author" content="Ann Lee, Reuters">')).toBe(
      "Ann Lee, Reuters",
    );
  });

  it("follows a JSON-LD author given as an @id reference", () => {
    const ld = {
      "@graph": [
        { "@type": "NewsArticle", author: { "@id": "https://news.example.com/#ann" } },
        { "@type": "Person", "@id": "https://news.example.com/#ann", name: "Ann Lee" },
      ],
    };
    expect(bylineOf(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`)).toBe(
      "Ann Lee",
    );
  });
});
