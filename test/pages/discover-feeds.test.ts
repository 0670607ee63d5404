import { commonFeedPaths, discoverFeedLinks } from "../../src/pages/discover-feeds";
import { readFixture } from "../ingest/parse-fixture";

const PAGE = "https://blog.example.org/news/index.html";

describe("discoverFeedLinks", () => {
  const found = discoverFeedLinks(readFixture("feeds/discover-page.html"), PAGE);

  it("finds RSS, Atom and JSON feeds declared with rel=alternate, in document order", () => {
    expect(found).toEqual([
      {
        url: "https://blog.example.org/news/feed/",
        type: "application/rss+xml",
        title: "Harbour Blog » Feed",
      },
      { url: "https://blog.example.org/atom.xml", type: "application/atom+xml", title: "Atom" },
      {
        url: "https://blog.example.org/feed.json",
        type: "application/feed+json",
        title: "JSON Feed",
      },
      {
        url: "https://blog.example.org/feed.json?format=json",
        type: "application/json",
        title: null,
      },
      {
        url: "https://blog.example.org/news/comments/feed/?a=1&b=2",
        type: "application/rss+xml",
        title: null,
      },
      {
        url: "https://other.example.com/atom",
        type: "application/atom+xml",
        title: "Late & in body",
      },
    ]);
  });

  it("resolves against <base href>, else the page URL", () => {
    expect(found[0].url).toBe("https://blog.example.org/news/feed/");
    const page = '<link rel="alternate" type="application/rss+xml" href="rss.xml">';
    expect(discoverFeedLinks(page, "https://e.example/a/b.html")[0].url).toBe(
      "https://e.example/a/rss.xml",
    );
  });

  it("skips duplicates, other types and relations, non-http URLs, links without href", () => {
    const urls = found.map((f) => f.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.join(" ")).not.toMatch(/mobile|\/fr\/|javascript|style\.css/);
  });

  it("does not read links inside comments or scripts", () => {
    expect(found.map((f) => f.url).join(" ")).not.toMatch(/commented-out|scripted/);
  });

  it("returns nothing for a page without feed links", () => {
    expect(discoverFeedLinks("<html><head><title>x</title></head></html>", PAGE)).toEqual([]);
    expect(discoverFeedLinks("", PAGE)).toEqual([]);
  });

  it("reads 1 MB of hostile markup in one pass", () => {
    const hostile = [
      '<link "'.repeat(100_000),
      "<script>".repeat(100_000) + "</script x" + "<",
      "<!--".repeat(100_000),
      '<link rel="alternate" type="application/rss+xml" href="/ok.xml">',
    ].join("");
    expect(discoverFeedLinks(hostile, PAGE).length).toBeLessThanOrEqual(1);
  });
});

describe("commonFeedPaths", () => {
  it("lists the usual feed locations of a site's root", () => {
    expect(commonFeedPaths("https://news.example.com/")).toEqual([
      "https://news.example.com/feed",
      "https://news.example.com/rss",
      "https://news.example.com/rss.xml",
      "https://news.example.com/feed.xml",
      "https://news.example.com/atom.xml",
      "https://news.example.com/index.xml",
      "https://news.example.com/feed.json",
      "https://news.example.com/index.rss",
      "https://news.example.com/atom",
      "https://news.example.com/feed/atom",
      "https://news.example.com/feeds/posts/default",
      "https://news.example.com/?feed=rss2",
    ]);
  });

  it("tries the page's own directory first, then the root, without duplicates", () => {
    const urls = commonFeedPaths("https://e.example/blog/post-1?x=1#top");
    expect(urls[0]).toBe("https://e.example/blog/feed");
    expect(urls).toContain("https://e.example/feed");
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toHaveLength(24);
  });

  it("returns nothing for a page URL that is not http(s)", () => {
    expect(commonFeedPaths("file:///etc/passwd")).toEqual([]);
    expect(commonFeedPaths("not a url")).toEqual([]);
  });
});
