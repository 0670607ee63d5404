import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSearchQuery } from "../../src/domain/search-query";
import { createStore } from "../../src/store/create-store";
import { createSqliteReaders, ReadDeadlineError } from "../../src/store/sqlite-readers";
import type { Store } from "../../src/store/store";
import { builtReaderWorkerFile } from "../support/built";
import { feedTag, makeArticle, makeSource, MINUTE, T0 } from "./store-backends";

// A read that keeps SQLite busy for a while: counting through a recursive sequence.
const SLOW_READ =
  "with recursive n(x) as (select 1 union all select x + 1 from n where x < ?) select count(*) as c from n";

describe("SQLite reads on reader threads", () => {
  let dir: string;
  let url: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "newsgate-readers-"));
    url = `sqlite:${join(dir, "newsgate.db")}`;
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const threaded = () =>
    createStore(url, { readThreads: { threads: 2, workerFile: builtReaderWorkerFile() } });

  // One reader thread over a migrated (empty) database.
  async function oneReader(deadlineMs: number) {
    await (await createStore(url)).close();
    return createSqliteReaders({
      path: join(dir, "newsgate.db"),
      workerFile: builtReaderWorkerFile(),
      threads: 1,
      deadlineMs,
      busyTimeoutMs: 1000,
    });
  }

  async function seed(store: Store) {
    await store.upsertSources([makeSource("news"), makeSource("wire")]);
    await store.upsertArticles(
      Array.from({ length: 30 }, (_, i) =>
        makeArticle(`t${String(i).padStart(2, "0")}`, {
          sourceId: i % 3 ? "news" : "wire",
          title: i % 4 ? `Harbour story ${i}` : `Market story ${i}`,
          contentText: `The harbour and the market, part ${i}.`,
          publishedAt: T0 + i * MINUTE,
          language: i % 2 ? "en" : "en-GB",
          tags: [feedTag(`tag-${i % 5}`)],
        }),
      ),
    );
  }

  // What the API reads of a store, every kind of read once.
  async function apiReads(store: Store) {
    const page = await store.listLatest({
      filter: { language: "en", tagSlugs: ["tag-1"] },
      first: 5,
    });
    const ids = page.items.map((p) => p.id);
    return {
      page,
      cards: (await store.getArticleCards(ids)).sort((a, b) => a.id.localeCompare(b.id)),
      bodies: [...(await store.getArticleBodies(ids))].sort(),
      search: await store.searchArticles({
        search: parseSearchQuery("harbour"),
        filter: { sourceIds: ["wire"] },
        first: 3,
      }),
      tags: await store.listTags({ first: 3 }),
      sources: (await store.getSources(["news", "wire"])).map((s) => s.id).sort(),
      stats: [...(await store.getArticleStats(ids))],
      byUrl: await store.findArticleIdByUrl("https://news.example/t07"),
    };
  }

  it("answers every API read as the store's own connection does", async () => {
    const inline = await createStore(url);
    await seed(inline);
    const expected = await apiReads(inline);
    await inline.close();
    const store = await threaded();
    try {
      expect(await apiReads(store)).toEqual(expected);
      expect(expected.search.items.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it("reads what was just written", async () => {
    const store = await threaded();
    try {
      await store.upsertSources([makeSource("news")]);
      for (let i = 0; i < 5; i++) {
        await store.upsertArticles([makeArticle(`w${i}`, { publishedAt: T0 + i * MINUTE })]);
        const page = await store.listLatest({ filter: {}, first: 1 });
        expect(page.items[0].id).toBe(`w${i}`);
        expect(page.totalCount).toBe(i + 1);
      }
    } finally {
      await store.close();
    }
  });

  it("leaves the calling thread free while a long read runs", async () => {
    const readers = await oneReader(60_000);
    try {
      let turns = 0;
      let done = false;
      const read = readers.run(SLOW_READ, [3_000_000]).finally(() => (done = true));
      while (!done) {
        await new Promise((resolve) => setImmediate(resolve));
        turns++;
      }
      expect(await read).toEqual([{ c: 3_000_000 }]);
      // The event loop went round while SQLite counted; on this thread it could not have.
      expect(turns).toBeGreaterThan(10);
    } finally {
      await readers.close();
    }
  });

  it("stops a read at its deadline, and the next read runs on a fresh thread", async () => {
    // The deadline also covers starting the fresh thread: room enough for a loaded machine.
    const readers = await oneReader(2000);
    try {
      await expect(readers.run(SLOW_READ, [1_000_000_000])).rejects.toBeInstanceOf(
        ReadDeadlineError,
      );
      expect(await readers.run("select 1 as one", [])).toEqual([{ one: 1 }]);
      await expect(readers.run("delete from articles", [])).rejects.toThrow(
        /only statements that read/,
      );
    } finally {
      await readers.close();
    }
  });
});
