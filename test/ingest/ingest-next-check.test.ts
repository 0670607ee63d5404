import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SourceDefinition } from "../../src/domain/source";
import { createFetcher, type Fetcher } from "../../src/fetch/fetch-source";
import { ingestSource, type IngestDeps } from "../../src/ingest/ingest-source";
import { startHttpServer, type TestHttpServer } from "../support/http-server";
import { listBackends, makeSource, MINUTE, useStore } from "../store/store-backends";

const feed = readFileSync(join(__dirname, "../fixtures/seed/feed.xml"), "utf8");
// Two hours, in minutes.
const feedWithTtl = feed.replace("<lastBuildDate>", "<ttl>120</ttl><lastBuildDate>");
const HOUR = 60 * MINUTE;
// After the seed feed's items (2026-02-04, 23:10 to 00:30 UTC), so none is clamped to "now".
const NOW = Date.UTC(2026, 1, 5, 3);

describe.each(listBackends())("next check and health after an ingest on $name", (backend) => {
  const ctx = useStore(backend);
  let server: TestHttpServer;
  let fetcher: Fetcher;
  let userAgents: (string | undefined)[] = [];

  beforeAll(async () => {
    server = await startHttpServer((req, res) => {
      userAgents.push(req.headers["user-agent"]);
      const rss = { "content-type": "application/rss+xml" };
      if (req.url === "/feed.xml") return void res.writeHead(200, rss).end(feed);
      if (req.url === "/ttl.xml") return void res.writeHead(200, rss).end(feedWithTtl);
      if (req.url === "/cached.xml") {
        return void res.writeHead(200, { ...rss, "cache-control": "max-age=5400" }).end(feed);
      }
      if (req.url === "/limited.xml") {
        return void res.writeHead(429, { "retry-after": "7200" }).end("slow down");
      }
      res.writeHead(404).end();
    });
    fetcher = createFetcher({
      timeoutMs: 2000,
      maxBytes: 1 << 20,
      userAgent: "newsgate-test",
      allowPrivateNetworks: true,
    });
  });
  afterAll(async () => {
    await fetcher.close();
    await server.close();
  });
  beforeEach(() => {
    userAgents = [];
  });

  function deps(overrides: Partial<IngestDeps> = {}): IngestDeps {
    return {
      store: ctx.store(),
      fetch: fetcher.fetchSource,
      onChanged: async () => undefined,
      now: () => NOW,
      log: () => undefined,
      maxItemsPerFetch: 500,
      random: () => 0.5, // no jitter
      ...overrides,
    };
  }

  async function ingest(path: string, def: Partial<SourceDefinition> = {}, d = deps()) {
    await ctx.store().upsertSources([makeSource("s", { url: `${server.url}${path}`, ...def })]);
    const [source] = await ctx.store().getSources(["s"]);
    const report = await ingestSource(d, source);
    return { report, source: (await ctx.store().getSources(["s"]))[0] };
  }

  it("waits for the feed's ttl when it outlasts the interval", async () => {
    const { source } = await ingest("/ttl.xml");
    expect(source).toMatchObject({ nextCheckAt: NOW + 2 * HOUR, nextCheckReason: "ttl" });
  });

  it("waits for the response's max-age when it outlasts the interval", async () => {
    const { source } = await ingest("/cached.xml");
    expect(source).toMatchObject({ nextCheckAt: NOW + 90 * MINUTE, nextCheckReason: "max-age" });
  });

  it("waits as long as a 429's Retry-After asks, and records the status", async () => {
    const { report, source } = await ingest("/limited.xml");
    expect(report).toMatchObject({ ok: false, status: "429" });
    expect(source).toMatchObject({
      nextCheckAt: NOW + 2 * HOUR,
      nextCheckReason: "retry-after",
      lastHttpStatus: 429,
      consecutiveFailures: 1,
      fetchCount: 1,
    });
  });

  it("polls an adaptive source at the pace its items were published", async () => {
    // The seed feed's items are 35, 20 and 25 minutes apart.
    const { source } = await ingest("/feed.xml", { intervalSeconds: null });
    expect(source).toMatchObject({ nextCheckAt: NOW + 25 * MINUTE, nextCheckReason: "adaptive" });
  });

  it("keeps an adaptive source's pace from its stored items when nothing is parsed", async () => {
    await ingest("/feed.xml", { intervalSeconds: null });
    const { source } = await ingest("/limited.xml", { intervalSeconds: null });
    // Backoff from the stored pace (25 minutes), but never sooner than Retry-After.
    expect(source).toMatchObject({ nextCheckAt: NOW + 2 * HOUR, nextCheckReason: "retry-after" });
    expect((await ingest("/missing.xml", { intervalSeconds: null })).source).toMatchObject({
      nextCheckAt: NOW + 2 * 25 * MINUTE,
      nextCheckReason: "backoff",
    });
  });

  it("follows a cron schedule", async () => {
    const { source } = await ingest("/feed.xml", { intervalSeconds: null, schedule: "0 6 * * *" });
    expect(source).toMatchObject({ nextCheckAt: NOW + 3 * HOUR, nextCheckReason: "cron" });
  });

  it("sends the source's own User-Agent, else the fetcher's", async () => {
    await ingest("/feed.xml", { userAgent: "Reader/2.0 (+https://reader.example)" });
    await ingest("/feed.xml", { userAgent: null });
    expect(userAgents).toEqual(["Reader/2.0 (+https://reader.example)", "newsgate-test"]);
  });

  it("takes at most maxItemsPerFetch items from a document", async () => {
    const { report, source } = await ingest("/feed.xml", {}, deps({ maxItemsPerFetch: 2 }));
    expect(report).toMatchObject({ items: 2, inserted: 2 });
    expect(source.itemsSeen).toBe(2);
  });

  it("records nothing when the source's lease has passed to another worker", async () => {
    await ctx.store().upsertSources([makeSource("s", { url: `${server.url}/feed.xml` })]);
    const claim = { leaseMs: MINUTE, limit: 1 };
    const [mine] = await ctx.store().claimDueSources({ ...claim, owner: "w1", now: NOW });
    await ctx.store().claimDueSources({ ...claim, owner: "w2", now: NOW + 2 * MINUTE });
    const report = await ingestSource(deps(), mine);
    expect(report).toMatchObject({ ok: true, inserted: 4 });
    expect((await ctx.store().getSources(["s"]))[0]).toMatchObject({
      leaseOwner: "w2",
      fetchCount: 0,
      lastFetchedAt: null,
    });
  });
});
