import { summarizeFeed } from "../../src/domain/feed-summary";
import type { RawFeed } from "../../src/domain/raw-feed";

const RAW: RawFeed = {
  kind: "rss",
  title: " The Harbour &amp; Hills <b>Gazette</b> ",
  siteUrl: "/",
  feedUrl: null,
  description: "Local news from <b>Harbour</b>\n &amp; Hills",
  language: "en-gb",
  imageUrl: "/images/logo.png",
  ttl: 30,
  items: [],
};

describe("summarizeFeed", () => {
  it("makes title and description plain text and URLs absolute against the document URL", () => {
    expect(summarizeFeed(RAW, "https://blog.example.org/news/feed.rss")).toEqual({
      kind: "rss",
      title: "The Harbour & Hills Gazette",
      siteUrl: "https://blog.example.org/",
      feedUrl: "https://blog.example.org/news/feed.rss",
      description: "Local news from Harbour & Hills",
      language: "en-GB",
      imageUrl: "https://blog.example.org/images/logo.png",
      ttl: 30,
    });
  });

  it("prefers the feed's own feed URL over the document URL", () => {
    const feed = { ...RAW, feedUrl: "https://blog.example.org/feed" };
    expect(summarizeFeed(feed, "http://127.0.0.1:8080/feed.xml").feedUrl).toBe(
      "https://blog.example.org/feed",
    );
  });

  it("leaves absent values null", () => {
    const empty: RawFeed = {
      ...RAW,
      title: null,
      siteUrl: null,
      description: " ",
      language: null,
      imageUrl: null,
      ttl: null,
    };
    expect(summarizeFeed(empty, "file:///tmp/feed.xml")).toEqual({
      kind: "rss",
      title: null,
      siteUrl: null,
      feedUrl: null,
      description: null,
      language: null,
      imageUrl: null,
      ttl: null,
    });
  });
});
