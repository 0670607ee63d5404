import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStore } from "../../src/store/create-store";
import type { Store } from "../../src/store/store";
import { StoreUnavailableError } from "../../src/store/store-unavailable-error";
import { countTicks } from "../support/count-ticks";
import { type HeldLock, holdSqliteLock } from "../support/hold-sqlite-lock";
import { makeArticle, makeSource } from "./store-backends";

// Another PROCESS holds the write lock (as a backup or the sqlite3 shell would): the store's
// writes wait on timers, so the event loop keeps turning and reads keep answering.
describe("SQLite writes while another process holds the write lock", () => {
  let dir: string;
  let path: string;
  let store: Store | undefined;
  let lock: HeldLock | undefined;
  let ticks: ReturnType<typeof countTicks> | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "newsgate-lock-"));
    path = join(dir, "newsgate.db");
  });
  afterEach(async () => {
    ticks?.stop();
    lock?.kill();
    await store?.close();
    await rm(dir, { recursive: true, force: true });
    store = lock = ticks = undefined;
  });

  async function lockedStore(busyDeadlineMs: number): Promise<Store> {
    store = await createStore(`sqlite:${path}`, { busyDeadlineMs });
    await store.upsertSources([makeSource("news")]);
    lock = await holdSqliteLock(path);
    return store;
  }

  it("keeps the event loop turning and reads answering, and writes once the lock is released", async () => {
    const s = await lockedStore(60_000);
    const events: string[] = [];
    const write = s.upsertArticles([makeArticle("a1")]).then((result) => {
      events.push("write done");
      return result;
    });
    ticks = countTicks();
    await ticks.reach(200);
    events.push("200 ticks");
    expect((await s.listSources()).map((x) => x.id)).toEqual(["news"]);
    events.push("read answered");
    expect(events).toEqual(["200 ticks", "read answered"]);
    events.push("releasing");
    await lock!.release();
    expect((await write).inserted).toEqual(["a1"]);
    // The write may finish before this side reads the holder's "released": it follows the commit.
    expect(events.slice(0, 3)).toEqual(["200 ticks", "read answered", "releasing"]);
    expect(events).toContain("write done");
    expect((await s.getArticles(["a1"])).map((a) => a.id)).toEqual(["a1"]);
  });

  it("fails a write with StoreUnavailableError (busy) at its deadline, having kept nothing", async () => {
    const s = await lockedStore(300);
    ticks = countTicks();
    const failed = await s.upsertArticles([makeArticle("a1")]).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(StoreUnavailableError);
    expect(failed).toMatchObject({ fault: "busy", operation: "upsertArticles" });
    expect((failed as StoreUnavailableError).attempts).toBeGreaterThan(1);
    // The loop turned while the write waited: it was never blocked inside SQLite.
    expect(ticks.count()).toBeGreaterThan(10);
    expect(await s.getArticles(["a1"])).toEqual([]);
    await lock!.release();
    expect((await s.upsertArticles([makeArticle("a1")])).inserted).toEqual(["a1"]);
  });

  it("fails every kind of write the same typed way: claims, fetch records, views", async () => {
    const s = await lockedStore(50);
    const claim = s.claimDueSources({ now: Date.now(), owner: "w", leaseMs: 1000, limit: 1 });
    await expect(claim).rejects.toMatchObject({ fault: "busy", operation: "claimDueSources" });
    await expect(s.addViews(new Map([["a1", 1]]))).rejects.toMatchObject({ fault: "busy" });
    await expect(s.releaseLeases("w")).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
