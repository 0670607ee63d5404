import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Source } from "../../src/domain/source";
import { createFetcher, type Fetcher } from "../../src/fetch/fetch-source";
import type { IngestReport } from "../../src/ingest/ingest-report";
import { ingestSource, type IngestDeps } from "../../src/ingest/ingest-source";
import { createScheduler } from "../../src/ingest/scheduler";
import { startHttpServer, type TestHttpServer } from "../support/http-server";
import { listBackends, T0, useStore } from "../store/store-backends";

const feed = readFileSync(join(__dirname, "../fixtures/seed/feed.xml"));
const HOUR = 3_600_000;

describe.each(listBackends())("ingesting sources on $name", (backend) => {
  const ctx = useStore(backend);
  let server: TestHttpServer;
  let fetcher: Fetcher;
  let brokenStatus = 500;
  let etagRequests: (string | undefined)[] = [];

  beforeAll(async () => {
    server = await startHttpServer((req, res) => {
      if (req.url === "/feed.xml") {
        etagRequests.push(req.headers["if-none-match"] as string | undefined);
        if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304).end();
        return void res
          .writeHead(200, { etag: '"v1"', "content-type": "application/rss+xml" })
          .end(feed);
      }
      if (req.url === "/broken.xml") {
        if (brokenStatus === 200) return void res.writeHead(200).end(feed);
        return void res.writeHead(brokenStatus).end("upstream trouble");
      }
      if (req.url === "/slow.xml") return void res.writeHead(200).write("<rss>"); // never ends
      res.writeHead(404).end();
    });
    fetcher = createFetcher({
      timeoutMs: 500,
      maxBytes: 1 << 20,
      userAgent: "newsgate-test",
      // The test server listens on 127.0.0.1, which the fetcher refuses by default.
      allowPrivateNetworks: true,
    });
  });
  afterAll(async () => {
    await fetcher.close();
    await server.close();
  });
  beforeEach(() => {
    brokenStatus = 500;
    etagRequests = [];
  });

  function deps(now: { t: number }, changed: string[][] = []): IngestDeps {
    return {
      store: ctx.store(),
      fetch: fetcher.fetchSource,
      onChanged: async (ids) => void changed.push(ids),
      now: () => now.t,
      log: () => undefined,
      maxItemsPerFetch: 500,
      random: () => 0.5, // no jitter
    };
  }

  async function declare(): Promise<void> {
    await ctx.store().upsertSources(
      ["feed", "broken", "slow"].map((id) => ({
        id,
        name: id,
        url: `${server.url}/${id}.xml`,
        kind: "rss" as const,
        intervalSeconds: 600,
      })),
    );
  }

  const sourceById = async (id: string): Promise<Source> => (await ctx.store().getSources([id]))[0];

  it("records each failing source on the source and still ingests the others", async () => {
    await declare();
    const now = { t: T0 };
    const d = deps(now);
    const scheduler = createScheduler({
      store: ctx.store(),
      ingest: (s) => ingestSource(d, s),
      owner: "w1",
      tickMs: 1000,
      concurrency: 3,
      hostConcurrency: 3,
      leaseMs: 60_000,
      renewMs: 20_000,
      now: () => now.t,
      timers: { setTimeout, clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
      onError: (e) => {
        throw e;
      },
    });
    const reports = await scheduler.tick();
    const byId = Object.fromEntries(reports.map((r: IngestReport) => [r.sourceId, r]));
    expect(byId.feed).toMatchObject({ ok: true, status: "200", inserted: 4 });
    expect(byId.broken).toMatchObject({
      ok: false,
      status: "500",
      error: expect.stringMatching(/HTTP 500/),
    });
    expect(byId.slow).toMatchObject({
      ok: false,
      status: "timeout",
      error: expect.stringMatching(/deadline of \d+ ms passed/),
    });

    const broken = await sourceById("broken");
    expect(broken).toMatchObject({
      lastStatus: "500",
      consecutiveFailures: 1,
      leaseUntil: null,
      lastSuccessAt: null,
    });
    expect(broken.lastError).toMatch(/HTTP 500/);
    expect(broken).toMatchObject({
      nextCheckAt: T0 + 600_000,
      nextCheckReason: "backoff",
      lastHttpStatus: 500,
    });
    const ok = await sourceById("feed");
    expect(ok).toMatchObject({
      lastStatus: "200",
      consecutiveFailures: 0,
      lastSuccessAt: T0,
      etag: '"v1"',
    });
    expect(ok).toMatchObject({
      nextCheckAt: T0 + 600_000,
      nextCheckReason: "interval",
      lastHttpStatus: 200,
      itemsSeen: 4,
    });
    expect(ok.siteUrl).toBe("https://news.example.com/");
    expect((await ctx.store().listLatest({ filter: {}, first: 10 })).totalCount).toBe(4);
  });

  it("backs off further on each failure and resets after a success", async () => {
    await declare();
    const now = { t: T0 };
    await ingestSource(deps(now), await sourceById("broken"));
    now.t = T0 + HOUR;
    await ingestSource(deps(now), await sourceById("broken"));
    expect(await sourceById("broken")).toMatchObject({
      consecutiveFailures: 2,
      nextCheckAt: T0 + HOUR + 2 * 600_000,
    });
    brokenStatus = 200;
    now.t = T0 + 2 * HOUR;
    const report = await ingestSource(deps(now), await sourceById("broken"));
    expect(report).toMatchObject({ ok: true, inserted: 4 });
    expect(await sourceById("broken")).toMatchObject({
      consecutiveFailures: 0,
      lastError: null,
      lastSuccessAt: T0 + 2 * HOUR,
    });
  });

  it("sends the stored ETag back, and a 304 parses and writes nothing", async () => {
    await declare();
    const changed: string[][] = [];
    await ingestSource(deps({ t: T0 }, changed), await sourceById("feed"));
    const second = await ingestSource(deps({ t: T0 + HOUR }, changed), await sourceById("feed"));
    expect(etagRequests).toEqual([undefined, '"v1"']);
    expect(second).toMatchObject({ ok: true, status: "304", items: 0, inserted: 0, updated: 0 });
    expect(changed).toHaveLength(1);
    expect(changed[0]).toHaveLength(4);
    expect(await sourceById("feed")).toMatchObject({
      lastStatus: "304",
      lastHttpStatus: 304,
      lastSuccessAt: T0 + HOUR,
      etag: '"v1"',
      itemsSeen: 4,
      fetchCount: 2,
      notModifiedCount: 1,
    });
  });
});
