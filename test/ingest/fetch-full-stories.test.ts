import { normalizeItem } from "../../src/domain/normalize-item";
import type { Source } from "../../src/domain/source";
import { createHostLimiter } from "../../src/fetch/host-limiter";
import { fetchFullStories } from "../../src/ingest/fetch-full-stories";
import { rawItem } from "../domain/raw-item";

const NOW = Date.parse("2026-02-05T12:00:00Z");
const CTX = {
  sourceId: "news",
  baseUrl: "https://news.example.com/",
  feedLanguage: null,
  now: NOW,
  tagOrigin: "feed" as const,
  route: "feed" as const,
};

describe("fetchFullStories", () => {
  it("fetches the story page of a teaser with a link, never a feed's site or an enclosure", async () => {
    const items = [
      rawItem({ title: "Linked", link: "https://news.example.com/a" }),
      rawItem({ title: "Only a guid", guid: "g-1" }),
      rawItem({
        title: "Episode",
        enclosures: [{ url: "https://cdn.example.com/ep.mp3", type: "audio/mpeg", length: null }],
      }),
    ];
    const articles = items.map((item) => normalizeItem(item, CTX)!);
    const fetched: string[] = [];
    await fetchFullStories(
      {
        fetch: (req) => {
          fetched.push(req.url);
          return Promise.reject(new Error("offline"));
        },
        parse: () => Promise.reject(new Error("unused")),
        limiter: createHostLimiter({ concurrency: 4, hostConcurrency: 4 }),
        now: () => NOW,
      },
      // Only the id and the user agent are read.
      { id: "news", userAgent: null } as Source,
      articles,
    );
    expect(fetched).toEqual(["https://news.example.com/a"]);
  });
});
