import { createHash } from "node:crypto";
import type { Article } from "../../src/domain/article";
import { normalizeItem, type NormalizeContext } from "../../src/domain/normalize-item";
import type { RawItem } from "../../src/domain/raw-feed";
import { rawItem } from "./raw-item";

const NOW = Date.parse("2026-02-05T12:00:00Z");
const CTX: NormalizeContext = {
  sourceId: "gazette",
  baseUrl: "https://news.example.com/",
  feedLanguage: "en",
  now: NOW,
  tagOrigin: "feed",
  route: "feed",
};
const sha = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32);

function normalize(fields: Partial<RawItem>, ctx: Partial<NormalizeContext> = {}): Article {
  const article = normalizeItem(rawItem({ title: "A title", ...fields }), { ...CTX, ...ctx });
  if (!article) throw new Error("expected an article");
  return article;
}

describe("normalizeItem: identity", () => {
  it("returns null when the item has nothing of its own: no link, guid, title, text, enclosure, byline, category or date", () => {
    expect(normalizeItem(rawItem({ link: "javascript:void(0)", title: "  " }), CTX)).toBeNull();
    expect(normalizeItem(rawItem({ summary: " ", content: "<p> </p>" }), CTX)).toBeNull();
  });

  it("keeps an item that is only a description (RSS 2.0 allows it), titled by its text", () => {
    const article = normalize({ title: null, summary: "Only a summary." });
    expect(article.title).toBe("Only a summary.");
    expect(article.guid).toBeNull();
  });

  it("keeps an item that is only a byline, a category or a date, each with an id of its own", () => {
    const byline = normalize({ title: null, author: "Ada Byline" });
    const tagged = normalize({ title: null, categories: ["Harbour", "Ferries"] });
    const dated = normalize({ title: null, published: "2026-02-05T08:30:00Z" });
    expect(byline.author).toBe("Ada Byline");
    expect(tagged.tags.map((tag) => tag.slug)).toEqual(["harbour", "ferries"]);
    expect(dated.publishedAt).toBe(Date.parse("2026-02-05T08:30:00Z"));
    expect(new Set([byline.id, tagged.id, dated.id]).size).toBe(3);
    expect(normalizeItem(rawItem({ title: null, published: "not a date" }), CTX)).toBeNull();
  });

  it("keeps an item that is only an enclosure, linked to it", () => {
    const enclosures = [{ url: "/ep/12.mp3", type: "audio/mpeg", length: null }];
    expect(normalize({ title: null, enclosures }).url).toBe("https://news.example.com/ep/12.mp3");
  });

  it("gives an item without guid or link an id from its text: stable, and its own", () => {
    const text = (summary: string) => normalize({ title: null, summary }).id;
    expect(text("Ferry times change in March.")).toBe(text("Ferry times change in March."));
    expect(text("Ferry times change in April.")).not.toBe(text("Ferry times change in March."));
  });

  it("uses the guid as id when the link is missing", () => {
    const article = normalize({ guid: "gazette-1003" });
    expect(article.id).toBe(sha("gazette\ngazette-1003"));
    expect(article.guid).toBe("gazette-1003");
  });

  it("uses the guid as id even when there is a link", () => {
    expect(normalize({ guid: " g-7 ", link: "https://news.example.com/a" }).id).toBe(
      sha("gazette\ng-7"),
    );
  });

  it("uses the canonical url as id when there is no guid", () => {
    const article = normalize({ link: "https://News.Example.com/a?utm_source=rss#top" });
    expect(article.id).toBe(sha("https://news.example.com/a"));
    expect(article.guid).toBeNull();
  });

  it("gives the same item the same id every time", () => {
    const item = { guid: "x", link: "https://news.example.com/a" };
    expect(normalize(item).id).toBe(normalize(item, { now: NOW + 3_600_000 }).id);
  });

  it("records the source and the ingestion time", () => {
    const article = normalize({ guid: "x" });
    expect(article.sourceId).toBe("gazette");
    expect(article.ingestedAt).toBe(NOW);
  });
});

describe("normalizeItem: url", () => {
  it("resolves a relative link against the base URL", () => {
    expect(normalize({ link: "/2026/02/05/story" }).url).toBe(
      "https://news.example.com/2026/02/05/story",
    );
  });

  it("canonicalizes the link: host case, fragment and tracking parameters", () => {
    expect(
      normalize({ link: "HTTPS://NEWS.example.com:443/a?utm_source=rss&id=7&fbclid=z#c" }).url,
    ).toBe("https://news.example.com/a?id=7");
  });

  it("falls back to a guid that is an absolute URL when the link is missing", () => {
    expect(normalize({ guid: "https://news.example.com/?p=1002" }).url).toBe(
      "https://news.example.com/?p=1002",
    );
  });

  it("falls back to the base URL with a fragment naming the item when neither link nor guid is a URL", () => {
    const article = normalize({ guid: "gazette-1003" });
    expect(article.url).toBe(`https://news.example.com/#item-${article.id.slice(0, 12)}`);
    expect(normalize({ guid: "gazette-1004" }).url).not.toBe(article.url);
  });

  it("prefers the first enclosure to the base URL when the item has no link", () => {
    const enclosures = [{ url: "https://cdn.example.com/ep12.mp3", type: null, length: null }];
    expect(normalize({ guid: "ep-12", title: "Episode 12", enclosures }).url).toBe(
      "https://cdn.example.com/ep12.mp3",
    );
  });
});

describe("normalizeItem: title and summary", () => {
  it("makes the title plain text: markup removed, whitespace collapsed", () => {
    expect(normalize({ title: "  Tides &amp; Times:\n <i>the   new wall</i> " }).title).toBe(
      "Tides & Times: the new wall",
    );
  });

  it("decodes entities exactly once, so &amp;amp; becomes &amp; as text", () => {
    expect(normalize({ title: "Fish &amp;amp; Chips" }).title).toBe("Fish &amp; Chips");
  });

  it("falls back to the first words of the summary when the title is missing", () => {
    const summary =
      "Ferry timetable changes for the spring season begin on the first of March, with extra sailings at weekends.";
    expect(normalize({ title: null, guid: "g", summary }).title).toBe(
      "Ferry timetable changes for the spring season begin on the first of March, with extra sailings at…",
    );
  });

  it("falls back to the content's text when there is neither title nor summary", () => {
    expect(normalize({ title: null, guid: "g", content: "<p>Tours run daily.</p>" }).title).toBe(
      "Tours run daily.",
    );
  });

  it("makes the summary plain text", () => {
    expect(
      normalize({
        summary: "The council approved &lt;b&gt;<strong>the wall</strong>&nbsp;on <br>Monday.",
      }).summary,
    ).toBe("The council approved <b>the wall on Monday.");
  });

  it("cuts a long summary at a word boundary to at most 300 characters with an ellipsis", () => {
    const summary = normalize({ summary: "word ".repeat(100) }).summary ?? "";
    expect(summary.length).toBeLessThanOrEqual(300);
    expect(summary).toBe(`${"word ".repeat(59)}word…`);
  });

  it("takes the summary from the content when the item has none", () => {
    expect(normalize({ content: "<h2>Heading</h2><p>Body text.</p>" }).summary).toBe(
      "Heading Body text.",
    );
  });

  it("has no summary when there is neither summary nor content", () => {
    expect(normalize({}).summary).toBeNull();
  });
});

describe("normalizeItem: dates", () => {
  it("reads publishedAt from the published date", () => {
    expect(normalize({ published: "Thu, 05 Feb 2026 07:10:00 +0800" }).publishedAt).toBe(
      Date.parse("2026-02-04T23:10:00Z"),
    );
  });

  it("falls back to the updated date, then to now", () => {
    expect(normalize({ updated: "2026-02-03T10:00:00Z" }).publishedAt).toBe(
      Date.parse("2026-02-03T10:00:00Z"),
    );
    expect(normalize({ published: "not a date" }).publishedAt).toBe(NOW);
    expect(normalize({}).publishedAt).toBe(NOW);
  });

  it("clamps dates more than ten minutes in the future to now", () => {
    expect(normalize({ published: "2028-01-01T00:00:00Z" }).publishedAt).toBe(NOW);
    expect(normalize({ updated: "2028-01-01T00:00:00Z" }).updatedAt).toBe(NOW);
  });

  it("keeps dates up to ten minutes ahead (clock skew)", () => {
    expect(normalize({ published: "2026-02-05T12:09:00Z" }).publishedAt).toBe(
      Date.parse("2026-02-05T12:09:00Z"),
    );
  });

  it("reads updatedAt from the updated date, null when absent", () => {
    expect(normalize({ updated: "2026-02-05T08:30:00Z" }).updatedAt).toBe(
      Date.parse("2026-02-05T08:30:00Z"),
    );
    expect(normalize({ published: "2026-02-05T08:30:00Z" }).updatedAt).toBeNull();
  });
});

describe("normalizeItem: content", () => {
  const content =
    '<p onclick="x()">The <em>fryer</em> won.</p><script>alert(1)</script>' +
    '<p>See <a href="/awards">the list</a>.</p><img src="img/fryer.jpg" alt="">';

  it("sanitizes the content and makes its URLs absolute against the item url", () => {
    expect(
      normalize({ link: "https://news.example.com/2026/02/fish.html", content }).contentHtml,
    ).toBe(
      '<p>The <em>fryer</em> won.</p><p>See <a href="https://news.example.com/awards" rel="noopener noreferrer">the list</a>.</p>' +
        '<img src="https://news.example.com/2026/02/img/fryer.jpg" alt="" />',
    );
  });

  it("derives contentText from the content, one line per block", () => {
    expect(normalize({ content }).contentText).toBe("The fryer won.\nSee the list.");
  });

  it("leaves contentHtml and contentText null when there is no content", () => {
    const article = normalize({ summary: "Just a teaser." });
    expect(article.contentHtml).toBeNull();
    expect(article.contentText).toBeNull();
  });

  it("leaves them null when sanitizing leaves nothing", () => {
    expect(normalize({ content: "<script>alert(1)</script>" }).contentHtml).toBeNull();
  });

  it("counts the words of the content, else of the summary", () => {
    expect(normalize({ content, summary: "one two" }).wordCount).toBe(6);
    expect(normalize({ summary: "one two three" }).wordCount).toBe(3);
    expect(normalize({}).wordCount).toBe(0);
  });
});

describe("normalizeItem: author, language", () => {
  it("makes the author plain text", () => {
    expect(normalize({ author: " <b>Mary</b>   O'Neill " }).author).toBe("Mary O'Neill");
  });

  it("keeps the name of an RSS author written as an email address with the name in parentheses", () => {
    expect(normalize({ author: "editor@example.org (Sam Reyes)" }).author).toBe("Sam Reyes");
  });

  it("keeps the name of a byline that puts the email after it", () => {
    expect(normalize({ author: "Sam Reyes (editor@example.org)" }).author).toBe("Sam Reyes");
    expect(normalize({ author: "Sam Reyes <editor@example.org>" }).author).toBe("Sam Reyes");
    expect(normalize({ author: "editor@example.org" }).author).toBe("editor@example.org");
  });

  it("has no author when none is given", () => {
    expect(normalize({ author: "  " }).author).toBeNull();
  });

  it("takes the language from the item in canonical case, else the feed's (canonical already)", () => {
    expect(normalize({ language: "fr_ca" }).language).toBe("fr-CA");
    expect(normalize({ language: "not a tag!" }, { feedLanguage: "en-GB" }).language).toBe("en-GB");
    expect(normalize({}, { feedLanguage: "en-GB" }).language).toBe("en-GB");
    expect(normalize({}, { feedLanguage: null }).language).toBeNull();
  });
});

describe("normalizeItem: image and enclosures", () => {
  const link = "https://news.example.com/2026/02/story";

  it("takes the image from the item first, made absolute", () => {
    const article = normalize({
      link,
      imageUrl: "/img/lead.jpg",
      enclosures: [{ url: "https://cdn.example.com/e.jpg", type: "image/jpeg", length: null }],
    });
    expect(article.imageUrl).toBe("https://news.example.com/img/lead.jpg");
  });

  it("then from the first enclosure with an image type", () => {
    const enclosures = [
      { url: "https://cdn.example.com/a.mp3", type: "audio/mpeg", length: 10 },
      { url: "https://cdn.example.com/e.jpg", type: "image/jpeg", length: null },
    ];
    expect(normalize({ link, enclosures }).imageUrl).toBe("https://cdn.example.com/e.jpg");
  });

  it("then from the first image of the content, skipping tracking pixels", () => {
    const content =
      '<img src="https://t.example.net/p.gif" width="1" height="1"><p>x</p><img src="a.png">';
    expect(normalize({ link, content }).imageUrl).toBe("https://news.example.com/2026/02/a.png");
  });

  it("has no image when there is none", () => {
    expect(normalize({ link }).imageUrl).toBeNull();
  });

  it("makes enclosure URLs absolute and drops unusable ones and duplicates", () => {
    const enclosures = [
      { url: "audio/a.mp3", type: " Audio/MPEG ", length: 1234 },
      { url: "javascript:x()", type: null, length: null },
      { url: "https://news.example.com/2026/02/audio/a.mp3", type: null, length: null },
      { url: "https://cdn.example.com/b.mp4", type: "", length: 0 },
    ];
    expect(normalize({ link, enclosures }).enclosures).toEqual([
      { url: "https://news.example.com/2026/02/audio/a.mp3", type: "audio/mpeg", length: 1234 },
      { url: "https://cdn.example.com/b.mp4", type: null, length: null },
    ]);
  });
});

describe("normalizeItem: tags", () => {
  it("makes tags from the categories, with the context's origin", () => {
    expect(
      normalize({ categories: ["China", "Data Privacy", "china"] }, { tagOrigin: "page" }).tags,
    ).toEqual([
      { slug: "china", name: "China", origin: "page" },
      { slug: "data-privacy", name: "Data Privacy", origin: "page" },
    ]);
  });
});
