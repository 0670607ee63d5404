import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseOpml, type OpmlDocument } from "../../src/opml/parse-opml";
import { planOpmlImport } from "../../src/opml/plan-opml-import";

const fixture = (name: string) =>
  parseOpml(readFileSync(join(__dirname, "../fixtures/opml", name), "utf8"));

function doc(...feeds: [title: string, xmlUrl: string, type?: string][]): OpmlDocument {
  return {
    title: null,
    skipped: [],
    outlines: feeds.map(([title, xmlUrl, type]) => ({
      title,
      xmlUrl,
      htmlUrl: null,
      type: type ?? "rss",
      categories: [],
    })),
  };
}

const none = { sources: [], reservedIds: new Set<string>() };

describe("planOpmlImport", () => {
  it("adds each feed as an rss source with a slug id, polled at their own pace, with their categories", () => {
    const plan = planOpmlImport(fixture("nested-folders-2.0.opml"), none);
    expect(plan.add[0]).toEqual({
      id: "eu-observer",
      name: "EU Observer",
      url: "https://euobserver.com/rss.xml",
      kind: "rss",
      intervalSeconds: null,
      tags: ["World", "Europe", "Politics", "EU", "Daily"],
    });
    expect(plan.add.map((d) => d.id)).toEqual([
      "eu-observer",
      "tagesschau-atom",
      "wire-breaking-more",
      "nature",
      "top-level",
    ]);
  });

  it("reads the kind atom from the outline type", () => {
    const plan = planOpmlImport(doc(["A", "https://a.example/atom", "atom"]), none);
    expect(plan.add[0].kind).toBe("atom");
  });

  it("derives the id from the host when the title has no letters or digits", () => {
    const plan = planOpmlImport(doc(["中国新闻", "https://www.news.example.cn/rss"]), none);
    expect(plan.add[0].id).toBe("news-example-cn");
  });

  it("makes ids unique with a suffix, avoiding declared and reserved ids", () => {
    const known = {
      sources: [{ id: "news", url: "https://other.example/feed" }],
      reservedIds: new Set(["news-2"]),
    };
    const plan = planOpmlImport(
      doc(["News", "https://one.example/rss"], ["News", "https://two.example/rss"]),
      known,
    );
    expect(plan.add.map((d) => d.id)).toEqual(["news-3", "news-4"]);
  });

  it("skips a feed whose canonical URL is already a source", () => {
    const known = {
      sources: [{ id: "bbc", url: "http://feeds.bbci.co.uk/news/world/rss.xml?edition=uk" }],
      reservedIds: new Set<string>(),
    };
    const plan = planOpmlImport(fixture("reader-export-1.0.opml"), known);
    expect(plan.skipped).toContainEqual({
      title: "BBC News - World",
      url: "http://feeds.bbci.co.uk/news/world/rss.xml?edition=uk&utm_source=reader",
      reason: 'duplicate of source "bbc"',
    });
  });

  it("skips a feed listed twice in the file, and the feeds the parser skipped", () => {
    const plan = planOpmlImport(fixture("reader-export-1.0.opml"), none);
    expect(plan.add.map((d) => d.id)).toEqual([
      "ars-technica",
      "bbc-news-world",
      "le-monde-fr-actualite-a-la-une",
      "www-example-net",
    ]);
    expect(plan.skipped.map((s) => s.reason)).toEqual([
      "not an http(s) URL",
      'listed twice in the file (as "ars-technica")',
    ]);
  });

  it("skips a URL that carries credentials", () => {
    const plan = planOpmlImport(doc(["Private", "https://user:secret@p.example/rss"]), none);
    expect(plan.add).toEqual([]);
    expect(plan.skipped[0].reason).toBe("credentials in the URL are not supported");
  });
});
