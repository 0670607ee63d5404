import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createFetcher, type Fetcher } from "../../src/fetch/fetch-source";
import { FeedNotFoundError, findFeed } from "../../src/ingest/find-feed";
import { cli, tempInstance } from "../cli/cli-in-process";
import { startHttpServer, type TestHttpServer } from "../support/http-server";

const feed = readFileSync(join(__dirname, "../fixtures/seed/feed.xml"));
const page = (head: string) =>
  `<!doctype html><html><head><title>Site</title>${head}</head><body><h1>News</h1></body></html>`;

describe("finding the feed behind a URL", () => {
  let site: TestHttpServer;
  let bare: TestHttpServer;
  let fetcher: Fetcher;
  const hits: string[] = [];

  beforeAll(async () => {
    site = await startHttpServer((req, res) => {
      hits.push(req.url ?? "");
      const html = (body: string) => res.writeHead(200, { "content-type": "text/html" }).end(body);
      if (req.url === "/feed.xml" || req.url === "/rss.xml")
        return void res.writeHead(200).end(feed);
      if (req.url === "/linked.html") {
        return void html(
          page('<link rel="alternate" type="application/rss+xml" title="All" href="/feed.xml">'),
        );
      }
      if (req.url === "/broken-link.html") {
        return void html(
          page('<link rel="alternate" type="application/rss+xml" href="/gone.xml">'),
        );
      }
      if (req.url === "/plain.html") return void html(page(""));
      res.writeHead(404).end();
    });
    bare = await startHttpServer((req, res) => {
      if (req.url === "/")
        return void res.writeHead(200, { "content-type": "text/html" }).end(page(""));
      res.writeHead(404).end();
    });
    fetcher = createFetcher({
      timeoutMs: 2000,
      maxBytes: 1 << 20,
      userAgent: "t",
      allowPrivateNetworks: true,
    });
  });
  afterAll(async () => {
    await fetcher.close();
    await site.close();
    await bare.close();
  });

  it("takes a feed URL as it is, with the feed's title", async () => {
    expect(await findFeed(fetcher.fetchSource, `${site.url}/feed.xml`)).toEqual({
      url: `${site.url}/feed.xml`,
      kind: "rss",
      title: "World News - Latest Headlines",
      via: "direct",
    });
  });

  it("follows a page's <link rel=alternate> to its feed", async () => {
    const found = await findFeed(fetcher.fetchSource, `${site.url}/linked.html`);
    expect(found).toMatchObject({ url: `${site.url}/feed.xml`, kind: "rss", via: "link" });
  });

  it("falls back to the common feed paths when the linked feed is gone or none is linked", async () => {
    const broken = await findFeed(fetcher.fetchSource, `${site.url}/broken-link.html`);
    expect(broken).toMatchObject({ url: `${site.url}/rss.xml`, via: "common-path" });
    hits.length = 0;
    const plain = await findFeed(fetcher.fetchSource, `${site.url}/plain.html`);
    expect(plain).toMatchObject({ url: `${site.url}/rss.xml`, via: "common-path" });
    expect(hits).toEqual(["/plain.html", "/feed", "/rss", "/rss.xml"]);
  });

  it("says so when nothing there is a feed", async () => {
    await expect(findFeed(fetcher.fetchSource, `${bare.url}/`)).rejects.toThrow(FeedNotFoundError);
    await expect(findFeed(fetcher.fetchSource, `${bare.url}/`)).rejects.toThrow(
      /^no feed found at http:\/\/127\.0\.0\.1:\d+\/: it is not a feed, links none, and none of \d+ common feed paths answered with one$/,
    );
  });

  it("lets `newsgate sources add` take a page URL and store the feed it leads to", async () => {
    const { env } = tempInstance();
    const allowed = { ...env, ALLOW_PRIVATE_NETWORKS: "true" };
    const add = await cli(["sources", "add", `${site.url}/linked.html`], allowed);
    expect(add.code).toBe(0);
    expect(add.out.split("\n")).toEqual([
      `found rss feed ${site.url}/feed.xml (the page links it with <link rel="alternate">)`,
      `added source "world-news-latest-headlines" (rss, at its own pace): ${site.url}/feed.xml`,
    ]);
    const refused = await cli(["sources", "add", `${site.url}/linked.html`], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^newsgate sources add: fetch: refused to connect to 127\.0\.0\.1/);
  });
});
