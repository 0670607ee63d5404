import { createHash } from "node:crypto";
import fc from "fast-check";
import type { Article } from "../../src/domain/article";
import { titleFingerprint } from "../../src/domain/title-fingerprint";
import { articleToRow } from "../../src/store/article-row";
import { mergeRoutes, sameStoryByFingerprint, unionTags } from "../../src/store/merge-routes";
import {
  planArticleUpsert,
  type StoredArticle,
  toStoredArticle,
} from "../../src/store/plan-article-upsert";
import { MINUTE, T0, makeArticle } from "./store-backends";

const TITLE = "China Unveils New Rules on Car Data";
const feed = makeArticle("f", {
  sourceId: "feed",
  guid: "g1",
  url: "https://news.example/a",
  title: TITLE,
  summary: "The feed's teaser.",
  contentHtml: null,
  contentText: null,
  wordCount: 3,
  publishedAt: T0,
  tags: [{ slug: "china", name: "China", origin: "feed" }],
  route: "feed",
});
const listing = makeArticle("l", {
  sourceId: "front",
  guid: null,
  url: "http://127.0.0.1:8080/a",
  title: TITLE,
  summary: "The front page's teaser.",
  contentHtml: null,
  contentText: null,
  author: null,
  publishedAt: T0 + 9 * MINUTE,
  ingestedAt: T0 + 9 * MINUTE,
  route: "listing",
});
const story = makeArticle("s", {
  sourceId: "story",
  guid: null,
  url: "https://news.example/a",
  title: TITLE,
  summary: "The page's own description.",
  contentHtml: "<p>The whole story.</p>",
  contentText: "The whole story.",
  wordCount: 420,
  tags: [
    { slug: "china", name: "China", origin: "page" },
    { slug: "autos", name: "Autos", origin: "page" },
  ],
  route: "story",
});

// Ingests the copies one after another, as separate passes, and returns the one stored article.
function ingestInOrder(copies: Article[]): StoredArticle[] {
  let stored: StoredArticle[] = [];
  for (const copy of copies) {
    const plan = planArticleUpsert([toStoredArticle(copy)], stored);
    stored = [
      ...stored.map((s) => {
        const update = plan.updates.find((u) => u.id === s.row.id);
        if (update === undefined) return s;
        return { row: { ...s.row, ...(update.content ?? {}) }, tags: update.tags ?? s.tags };
      }),
      ...plan.inserts,
    ];
  }
  return stored;
}

describe("merging one story reached by several routes", () => {
  it("takes the story page's text and URL, and the feed's headline, teaser and date", () => {
    const first = {
      ...articleToRow(listing),
      ...mergeRoutes(articleToRow(listing), articleToRow(feed)),
    };
    const merged = mergeRoutes(first, articleToRow(story));
    expect(merged).toMatchObject({
      title: TITLE,
      summary: "The feed's teaser.",
      published_at: T0,
      content_text: "The whole story.",
      word_count: 420,
      url: "https://news.example/a",
      content_route: "story",
      meta_route: "feed",
    });
  });

  it.each([
    ["feed, listing, story", [feed, listing, story]],
    ["story, listing, feed", [story, listing, feed]],
    ["listing, story, feed", [listing, story, feed]],
  ])(
    "ends in one article whatever the order (%s), and changes nothing on a second pass",
    (_o, copies) => {
      const stored = ingestInOrder(copies);
      expect(stored).toHaveLength(1);
      const [{ row, tags }] = stored;
      expect(row).toMatchObject({ title: TITLE, summary: "The feed's teaser.", published_at: T0 });
      expect(row).toMatchObject({
        content_text: "The whole story.",
        url: "https://news.example/a",
      });
      expect(tags).toEqual(
        expect.arrayContaining([
          { slug: "china", name: "China", origin: "feed" },
          { slug: "autos", name: "Autos", origin: "page" },
        ]),
      );
      for (const copy of copies) {
        const again = planArticleUpsert([toStoredArticle(copy)], stored);
        expect(again).toEqual({ inserts: [], updates: [], unchanged: 1 });
      }
    },
  );

  it("keeps two feeds that carry one story apart from each other's fields", () => {
    const wire = { ...feed, id: "w", sourceId: "wire", guid: "w1", summary: "The wire's teaser." };
    const stored = ingestInOrder([feed, wire]);
    expect(stored).toHaveLength(1);
    expect(stored[0].row.summary).toBe("The feed's teaser.");
  });

  it("does not take a headline shared by stories days apart for one story", () => {
    const later = {
      ...feed,
      id: "x",
      sourceId: "other",
      guid: "x1",
      url: "https://other.example/x",
    };
    const days = (n: number) => ({
      ...articleToRow(later),
      published_at: T0 + n * 24 * 60 * MINUTE,
    });
    expect(sameStoryByFingerprint(articleToRow(feed), days(2))).toBe(true);
    expect(sameStoryByFingerprint(articleToRow(feed), days(4))).toBe(false);
    expect(
      ingestInOrder([feed, { ...later, publishedAt: T0 + 4 * 24 * 60 * MINUTE }]),
    ).toHaveLength(2);
  });

  it("keeps one tag per slug, the feed's origin over the page's", () => {
    const page = [{ slug: "china", name: "China", origin: "page" as const }];
    const fromFeed = [{ slug: "china", name: "China", origin: "feed" as const }];
    expect(unionTags(page, fromFeed)).toEqual(fromFeed);
    expect(unionTags(fromFeed, page)).toEqual(fromFeed);
  });
});

describe("titleFingerprint", () => {
  it("is the same for the same words whatever their case, accents and punctuation", () => {
    expect(titleFingerprint("China’s Innovation Surge: Trade War Fuels Growth")).toBe(
      titleFingerprint("chinas innovation surge — trade war fuels growth"),
    );
    expect(titleFingerprint("Café owners protest new city rules")).toBe(
      titleFingerprint("CAFE OWNERS PROTEST NEW CITY RULES!"),
    );
    expect(titleFingerprint("Another headline entirely about rules")).not.toBe(
      titleFingerprint("Café owners protest new city rules"),
    );
  });

  it("is null for headlines too short to name one story", () => {
    expect(titleFingerprint("Live updates")).toBeNull();
    expect(titleFingerprint("In brief: four words")).toBeNull();
  });

  it("reads plain ASCII headlines as it reads any other", () => {
    // The general reading, which plain ASCII headlines are spared.
    const byUnicode = (title: string) => {
      const words = title
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[’']/g, "")
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      if (words.length < 5) return null;
      return createHash("sha256").update(words.join(" ")).digest("hex").slice(0, 16);
    };
    const word = fc.stringMatching(/^[ -~]{0,12}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 9 }), (words) => {
        const title = words.join(" ");
        expect(titleFingerprint(title)).toBe(byUnicode(title));
      }),
      { numRuns: 2000 },
    );
  });
});
