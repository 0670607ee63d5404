import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import type { Source } from "../../src/domain/source";
import { createFetcher, type Fetcher } from "../../src/fetch/fetch-source";
import { STORE_UNAVAILABLE_STATUS } from "../../src/ingest/ingest-report";
import { ingestSource, type IngestDeps } from "../../src/ingest/ingest-source";
import { assembleStore } from "../../src/store/create-store";
import type { Database } from "../../src/store/database";
import { guardStore } from "../../src/store/guard-store";
import { migrateToLatest } from "../../src/store/migrate";
import { openDatabase } from "../../src/store/open-database";
import type { Store } from "../../src/store/store";
import { holdSqliteLock } from "../support/hold-sqlite-lock";
import { startHttpServer, type TestHttpServer } from "../support/http-server";
import { T0 } from "../store/store-backends";

const feed = readFileSync(join(__dirname, "../fixtures/seed/feed.xml"));
const LEASE_MS = 60_000;

// A store that cannot take the ingest (busy past its deadline, disk full) loses nothing: the
// source keeps its validators, is not blamed, and is fetched again soon.
describe("ingesting when the store cannot write", () => {
  let server: TestHttpServer;
  let fetcher: Fetcher;
  let conditional: boolean[] = [];
  let dir: string;
  let db: Kysely<Database>;
  let store: Store;

  beforeAll(async () => {
    server = await startHttpServer((req, res) => {
      conditional.push(req.headers["if-none-match"] !== undefined);
      if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"', "content-type": "application/rss+xml" }).end(feed);
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
  beforeEach(async () => {
    conditional = [];
    dir = await mkdtemp(join(tmpdir(), "newsgate-ingest-store-"));
    const opened = openDatabase(`sqlite:${join(dir, "newsgate.db")}`);
    db = opened.db;
    await migrateToLatest(db);
    await sql`pragma busy_timeout = 0`.execute(db);
    store = guardStore(
      assembleStore(opened, () => T0),
      { busyDeadlineMs: 200 },
    );
    await store.upsertSources([
      {
        id: "feed",
        name: "Feed",
        url: `${server.url}/feed.xml`,
        kind: "rss",
        intervalSeconds: 600,
      },
    ]);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const deps = (now: number): IngestDeps => ({
    store,
    fetch: fetcher.fetchSource,
    onChanged: async () => undefined,
    now: () => now,
    log: () => undefined,
    random: () => 0.5,
  });

  async function claim(now: number): Promise<Source> {
    const [source] = await store.claimDueSources({ now, owner: "w1", leaseMs: LEASE_MS, limit: 1 });
    return source;
  }
  const feedSource = async () => (await store.getSources(["feed"]))[0];

  it("records a full disk as the store's fault and fetches the whole document again soon", async () => {
    const [{ page_count }] = (await sql<{ page_count: number }>`pragma page_count`.execute(db))
      .rows;
    await sql.raw(`pragma max_page_count = ${page_count}`).execute(db);
    const report = await ingestSource(deps(T0), await claim(T0));
    expect(report).toMatchObject({ ok: false, status: STORE_UNAVAILABLE_STATUS, inserted: 0 });
    expect(report.error).toMatch(/upsertArticles failed \(disk-full\)/);
    const after = await feedSource();
    expect(after).toMatchObject({
      lastStatus: STORE_UNAVAILABLE_STATUS,
      consecutiveFailures: 0,
      etag: null,
      leaseOwner: null,
      nextCheckReason: "backoff",
      nextCheckAt: T0 + 60_000,
    });

    await sql`pragma max_page_count = 1073741823`.execute(db);
    const retried = await ingestSource(deps(T0 + 60_000), await claim(T0 + 60_000));
    expect(retried).toMatchObject({ ok: true, status: "200", inserted: 4 });
    // The validators were not kept, so the retry asked for the whole document.
    expect(conditional).toEqual([false, false]);
  });

  it("leaves the source due under its lease when the store stays locked, then ingests it", async () => {
    const source = await claim(T0);
    const lock = await holdSqliteLock(join(dir, "newsgate.db"));
    try {
      const report = await ingestSource(deps(T0), source);
      expect(report).toMatchObject({ ok: false, status: STORE_UNAVAILABLE_STATUS });
      expect(report.error).toMatch(/failed \(busy\)/);
      await lock.release();
    } finally {
      lock.kill();
    }
    // Nothing was written: once the lease runs out the source is claimed again as it was.
    expect(await feedSource()).toMatchObject({ lastStatus: null, etag: null, leaseOwner: "w1" });
    expect(await claim(T0 + 1000)).toBeUndefined();
    const later = T0 + LEASE_MS + 1;
    expect(await ingestSource(deps(later), await claim(later))).toMatchObject({
      ok: true,
      inserted: 4,
    });
  });
});
