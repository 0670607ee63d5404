import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { assembleStore } from "../../src/store/create-store";
import type { Database } from "../../src/store/database";
import { guardStore } from "../../src/store/guard-store";
import { migrateToLatest } from "../../src/store/migrate";
import { openDatabase } from "../../src/store/open-database";
import type { Store } from "../../src/store/store";
import { StoreUnavailableError } from "../../src/store/store-unavailable-error";
import { makeArticle, makeSource } from "./store-backends";

// The tests run as root, whom file modes do not stop: the writer connection is made read-only
// with PRAGMA query_only (SQLite answers SQLITE_READONLY, as for a read-only file), and the
// disk is "full" at PRAGMA max_page_count (SQLite answers SQLITE_FULL, as for a full disk).
describe("SQLite writes on a read-only or full database", () => {
  let dir: string;
  let db: Kysely<Database>;
  let store: Store;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "newsgate-faults-"));
    const opened = openDatabase(`sqlite:${join(dir, "newsgate.db")}`);
    db = opened.db;
    await migrateToLatest(db);
    store = guardStore(assembleStore(opened, Date.now), { busyDeadlineMs: 1000 });
    await store.upsertSources([makeSource("news")]);
    await store.upsertArticles([makeArticle("a1")]);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function expectReadsGoOn() {
    expect((await store.listSources()).map((s) => s.id)).toEqual(["news"]);
    expect((await store.getArticles(["a1"])).map((a) => a.id)).toEqual(["a1"]);
  }

  it("fails writes at once with StoreUnavailableError (read-only) while reads go on", async () => {
    await sql`pragma query_only = on`.execute(db);
    const failed = await store.upsertArticles([makeArticle("a2")]).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(StoreUnavailableError);
    // Not retried: waiting does not make a read-only database writable.
    expect(failed).toMatchObject({ fault: "read-only", operation: "upsertArticles", attempts: 1 });
    await expect(store.upsertSources([makeSource("wire")])).rejects.toMatchObject({
      fault: "read-only",
      operation: "upsertSources",
    });
    await expectReadsGoOn();
  });

  it("fails writes with StoreUnavailableError (disk-full) while reads go on", async () => {
    const [{ page_count }] = (await sql<{ page_count: number }>`pragma page_count`.execute(db))
      .rows;
    await sql.raw(`pragma max_page_count = ${page_count}`).execute(db);
    const big = Array.from({ length: 50 }, (_, i) =>
      makeArticle(`big${i}`, { contentText: "x".repeat(20_000) }),
    );
    await expect(store.upsertArticles(big)).rejects.toMatchObject({
      fault: "disk-full",
      operation: "upsertArticles",
    });
    // The transaction rolled back whole: none of the batch was kept.
    expect(await store.getArticles(["big0", "big49"])).toEqual([]);
    await expectReadsGoOn();
  });
});
