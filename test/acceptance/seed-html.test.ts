import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Article } from "../../src/domain/article";
import { parseDocument } from "../../src/ingest/parse-document";
import { createLogger } from "../../src/logger";
import { runIngestPass, startServer } from "../../src/main";
import { createStore } from "../../src/store/create-store";
import { readSeedExpectations, SEED_DIR } from "../support/seed";
import { startHttpServer, type TestHttpServer } from "../support/http-server";
import { postGraphql, testConfig } from "../support/test-config";

const seedDir = SEED_DIR;
const expected = readSeedExpectations();
const STORY_PATH = "/2026/02/05/china-innovation-surge";
const pages: Record<string, Buffer> = {
  "/": readFileSync(join(seedDir, "index.html")),
  [STORY_PATH]: readFileSync(join(seedDir, "china-innovation-surge.html")),
  "/feed.xml": readFileSync(join(seedDir, "feed.xml")),
};
const hits = new Map<string, number>();
const china = expected.articles.find((a) => a.path === STORY_PATH)!;

function expectNoChrome(articles: Article[]): void {
  for (const article of articles) {
    const text = [article.title, article.summary, article.contentHtml, article.contentText].join(
      "\n",
    );
    for (const chrome of expected.mustNotAppearInAnyTitleSummaryOrStory) {
      expect(text).not.toContain(chrome);
    }
  }
}

describe("the seed site's HTML pages, served from 127.0.0.1", () => {
  let site: TestHttpServer;
  beforeAll(async () => {
    site = await startHttpServer((req, res) => {
      hits.set(req.url ?? "", (hits.get(req.url ?? "") ?? 0) + 1);
      if (req.url === "/local-feed.xml") {
        // The seed feed with its links on this server and every item a teaser, so story pages
        // are fetched from here (only the China story has one).
        const local = pages["/feed.xml"]
          .toString("utf8")
          .replaceAll("https://news.example.com", site.url)
          .replace(/<content:encoded>[\s\S]*?<\/content:encoded>/g, "");
        return void res.writeHead(200, { "content-type": "application/rss+xml" }).end(local);
      }
      const page = pages[req.url ?? ""];
      if (page === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    });
  });
  afterAll(() => site.close());

  const parsePage = (path: string) =>
    parseDocument(pages[path].toString("utf8"), {
      url: `${site.url}${path}`,
      sourceId: "seed-site",
      now: Date.parse("2026-02-05T12:00:00Z"),
      kind: "html",
    });

  it("reads the front page alone as the four headlines with their teasers, chrome left out", async () => {
    const front = await parsePage("/");
    expect(front.pageKind).toBe("listing");
    expect(front.articles.map((a) => a.title)).toEqual(expected.articles.map((a) => a.title));
    front.articles.forEach((article, i) => {
      expect(new URL(article.url).pathname).toBe(expected.articles[i].path);
      expect(article.summary?.startsWith(expected.articles[i].summaryStartsWith)).toBe(true);
      expect(article.contentHtml).toBeNull();
    });
    expectNoChrome(front.articles);
  });

  it("reads the front page's Most Popular list as ranks, the China story first", async () => {
    const front = await parsePage("/");
    expect(front.popular.map((url) => new URL(url).pathname)).toEqual([
      STORY_PATH,
      "/2026/02/05/amd-shares-drop-q4-earnings",
      "/2026/02/05/scams-gold-crypto-cash",
    ]);
  });

  it("reads the story page alone as the full story with its metadata", async () => {
    const story = await parsePage(STORY_PATH);
    expect(story.pageKind).toBe("story");
    expect(story.articles).toHaveLength(1);
    const [article] = story.articles;
    expect(article.title).toBe(china.title);
    expect(article.url).toBe(`https://news.example.com${STORY_PATH}`);
    expect(new Date(article.publishedAt).toISOString()).toBe(china.publishedAt);
    expect(article.summary?.startsWith(china.summaryStartsWith)).toBe(true);
    const headings = [...(article.contentHtml ?? "").matchAll(/<h2>([^<]*)<\/h2>/g)].map(
      (m) => m[1],
    );
    expect(headings).toEqual(china.fullStory!.sectionHeadings);
    for (const phrase of china.fullStory!.containsText)
      expect(article.contentText).toContain(phrase);
    const [min, max] = china.fullStory!.wordCountBetween;
    expect(article.wordCount).toBeGreaterThanOrEqual(min);
    expect(article.wordCount).toBeLessThanOrEqual(max);
    expect(article.tags).toContainEqual({ slug: "china", name: china.category, origin: "page" });
    expect(article.tags.map((t) => t.slug)).toEqual(["china", "innovation", "trade-war"]);
    expect(article.language).toBe("en");
    expectNoChrome(story.articles);
  });

  it("ingests a source of kind html from its front page into the store", async () => {
    const config = testConfig({
      sources: [
        { id: "seed-front", name: "World News front page", url: `${site.url}/`, kind: "html" },
      ],
    });
    const logger = createLogger({ level: "silent" });
    const [report] = await runIngestPass(config, logger, { all: true, ids: [] });
    expect(report).toEqual(expect.objectContaining({ ok: true, items: 4, inserted: 4 }));
    const running = await startServer(config, logger);
    try {
      const query = "{ headlines(first: 10) { edges { node { url popularity { sourceRank } } } } }";
      const { body } = await postGraphql(running.url!, query);
      expect(body.errors).toBeUndefined();
      const ranks = body.data.headlines.edges
        .map((e: { node: { url: string; popularity: { sourceRank: number | null } } }) => e.node)
        .filter(
          (n: { popularity: { sourceRank: number | null } }) => n.popularity.sourceRank !== null,
        )
        .sort((a: any, b: any) => a.popularity.sourceRank - b.popularity.sourceRank)
        .map((n: { url: string }) => new URL(n.url).pathname);
      expect(ranks).toEqual([
        STORY_PATH,
        "/2026/02/05/amd-shares-drop-q4-earnings",
        "/2026/02/05/scams-gold-crypto-cash",
      ]);
    } finally {
      await running.stop();
    }
    const store = await createStore(config.databaseUrl);
    try {
      const page = await store.listLatest({ filter: { sourceIds: ["seed-front"] }, first: 10 });
      const stored = await store.getArticles(page.items.map((p) => p.id));
      const titles = stored.map((a) => a?.title).sort();
      expect(titles).toEqual(expected.articles.map((a) => a.title).sort());
    } finally {
      await store.close();
    }
  });

  it("ingests all three routes (feed, front page, story page) into exactly four articles", async () => {
    const sources = [
      {
        id: "seed-feed",
        name: "World News feed",
        url: `${site.url}/feed.xml`,
        kind: "rss" as const,
      },
      {
        id: "seed-front",
        name: "World News front page",
        url: `${site.url}/`,
        kind: "html" as const,
      },
      {
        id: "seed-story",
        name: "World News story",
        url: `${site.url}${STORY_PATH}`,
        kind: "html" as const,
      },
    ];
    const logger = createLogger({ level: "silent" });
    // Every order the routes can arrive in ends in the same four articles.
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
    ]) {
      const config = testConfig({ sources: order.map((i) => sources[i]) });
      for (const i of order) {
        const [report] = await runIngestPass(config, logger, { all: false, ids: [sources[i].id] });
        expect(report.ok).toBe(true);
      }
      const again = await runIngestPass(config, logger, { all: true, ids: [] });
      expect(again.map((r) => [r.inserted, r.updated])).toEqual([
        [0, 0],
        [0, 0],
        [0, 0],
      ]);
      const store = await createStore(config.databaseUrl);
      try {
        const page = await store.listLatest({ filter: {}, first: 10 });
        const articles = await store.getArticles(page.items.map((p) => p.id));
        expect(articles).toHaveLength(4);
        for (const want of expected.articles) {
          const article = articles.find((a) => a.title === want.title)!;
          expect(new URL(article.url).pathname).toBe(want.path);
          expect(new Date(article.publishedAt).toISOString()).toBe(want.publishedAt);
          expect(article.summary?.startsWith(want.summaryStartsWith)).toBe(true);
          const feedTags = article.tags.filter((t) => t.origin === "feed").map((t) => t.slug);
          expect(feedTags.sort()).toEqual([...want.feedTags].sort());
        }
        const story = articles.find((a) => a.title === china.title)!;
        expect(story.url).toBe(`https://news.example.com${STORY_PATH}`);
        for (const phrase of china.fullStory!.containsText)
          expect(story.contentText).toContain(phrase);
        const pageTags = story.tags.filter((t) => t.origin === "page").map((t) => t.slug);
        expect(pageTags.sort()).toEqual(["innovation", "trade-war"]);
        expectNoChrome(articles);
      } finally {
        await store.close();
      }
    }
  });

  it("fetches a fullText feed's teaser items' story pages once, and keeps a teaser whose page fails", async () => {
    const source = {
      id: "seed-full",
      name: "World News",
      url: `${site.url}/local-feed.xml`,
      fullText: true,
    };
    const config = testConfig({ sources: [{ ...source, kind: "rss" as const }] });
    const logger = createLogger({ level: "silent" });
    hits.clear();
    const [first] = await runIngestPass(config, logger, { all: true, ids: [] });
    expect(first).toEqual(expect.objectContaining({ ok: true, items: 4, inserted: 4 }));
    await runIngestPass(config, logger, { all: true, ids: [] });
    expect(hits.get(STORY_PATH)).toBe(1);
    expect(hits.get("/2026/02/05/amd-shares-drop-q4-earnings")).toBe(1);
    const store = await createStore(config.databaseUrl);
    try {
      const page = await store.listLatest({ filter: {}, first: 10 });
      const articles = await store.getArticles(page.items.map((p) => p.id));
      expect(articles).toHaveLength(4);
      const story = articles.find((a) => a.title === china.title)!;
      for (const phrase of china.fullStory!.containsText)
        expect(story.contentText).toContain(phrase);
      expect(story.url).toBe(`https://news.example.com${STORY_PATH}`);
      const amd = articles.find((a) => a.title.startsWith("AMD"))!;
      expect(amd.contentText).toBeNull();
      expect(amd.summary?.startsWith("AMD stock declines")).toBe(true);
    } finally {
      await store.close();
    }
  });
});
