import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStore } from "../../src/store/create-store";
import { listMigrations, migrateToLatest } from "../../src/store/migrate";
import { openDatabase, parseSqlitePath } from "../../src/store/open-database";
import { T0, listBackends, makeArticle, makeSource, useStore } from "./store-backends";

describe.each(listBackends())("store schema on $name", (backend) => {
  const subject = useStore(backend);

  it("applies no migration when the schema is already current", async () => {
    const { db } = openDatabase(subject.url());
    try {
      expect(await migrateToLatest(db)).toEqual([]);
      expect(await migrateToLatest(db)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it("keeps its data when opened a second time", async () => {
    await subject.store().upsertSources([makeSource("news")]);
    const again = await createStore(subject.url());
    try {
      expect((await again.listSources()).map((s) => s.id)).toEqual(["news"]);
    } finally {
      await again.close();
    }
  });

  it("reports its dialect and answers a ping", async () => {
    expect(subject.store().dialect).toBe(backend.name);
    await expect(subject.store().ping()).resolves.toBeUndefined();
  });

  it("returns timestamps as numbers", async () => {
    const store = subject.store();
    await store.upsertSources([makeSource("news")]);
    await store.upsertArticles([makeArticle("a1", { updatedAt: T0 + 5 })]);
    const [source] = await store.listSources();
    const [article] = await store.getArticles(["a1"]);
    expect(typeof source?.nextCheckAt).toBe("number");
    expect(typeof source?.createdAt).toBe("number");
    expect(article).toMatchObject({
      publishedAt: T0,
      updatedAt: T0 + 5,
      ingestedAt: expect.any(Number),
    });
    expect(typeof article?.publishedAt).toBe("number");
    const { totalCount } = await store.listLatest({ filter: {}, first: 1 });
    expect(totalCount).toBe(1);
  });
});

describe("opening a store", () => {
  it("applies every migration, in order, to an empty database", async () => {
    const { db } = openDatabase("sqlite::memory:");
    try {
      const names = Object.keys(listMigrations());
      expect(names.slice(0, 2)).toEqual(["0001-initial", "0002-source-removed"]);
      expect(await migrateToLatest(db)).toEqual(names);
    } finally {
      await db.destroy();
    }
  });

  it("creates the parent directory of a SQLite file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "newsgate-open-"));
    try {
      const store = await createStore(`sqlite:${join(dir, "nested", "deeper", "n.db")}`);
      await store.close();
      expect((await stat(join(dir, "nested", "deeper", "n.db"))).isFile()).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("opens an in-memory SQLite database", async () => {
    const store = await createStore("sqlite::memory:");
    await expect(store.ping()).resolves.toBeUndefined();
    await store.close();
  });

  it("reads the path of sqlite: URLs with and without slashes", () => {
    expect(parseSqlitePath("sqlite:./data/newsgate.db")).toBe("./data/newsgate.db");
    expect(parseSqlitePath("sqlite:///var/lib/n.db")).toBe("/var/lib/n.db");
    expect(parseSqlitePath("sqlite::memory:")).toBe(":memory:");
  });

  it("rejects an unsupported URL scheme without echoing the URL", async () => {
    await expect(createStore("mysql://user:secret@host/db")).rejects.toThrow(
      /unsupported database URL scheme "mysql:"/,
    );
    await expect(createStore("mysql://user:secret@host/db")).rejects.not.toThrow(/secret/);
  });
});
