import { Migrator, sql, type Kysely } from "kysely";
import { createStore } from "../../src/store/create-store";
import { createMigrationProvider } from "../../src/store/migrate";
import { openDatabase } from "../../src/store/open-database";
import { T0, listBackends } from "./store-backends";

const BEFORE = "0002-source-removed";

async function migrateTo(db: Kysely<unknown>, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider: createMigrationProvider() }).migrateTo(name);
  if (error) throw error;
}

async function seedOldSchema(db: Kysely<unknown>): Promise<void> {
  await sql`insert into sources (id, name, url, kind, interval_seconds, next_check_at, created_at)
    values ('news', 'News', 'https://news.example/feed.xml', 'rss', 300, ${T0}, ${T0})`.execute(db);
  await sql`insert into articles (id, source_id, url, title, published_at, ingested_at)
    values ('a1', 'news', 'https://news.example/a1', 'A1', ${T0}, ${T0})`.execute(db);
}

describe.each(listBackends())("migration 0003-source-scheduling on $name", (backend) => {
  let database: { url: string; drop(): Promise<void> };
  beforeEach(async () => {
    database = await backend.createDatabase();
  });
  afterEach(() => database.drop());

  it("keeps each source's interval and its articles, and starts its health counters at 0", async () => {
    const { db } = openDatabase(database.url);
    try {
      await migrateTo(db as Kysely<unknown>, BEFORE);
      await seedOldSchema(db as Kysely<unknown>);
    } finally {
      await db.destroy();
    }
    const store = await createStore(database.url);
    try {
      expect((await store.getSources(["news"]))[0]).toMatchObject({
        intervalSeconds: 300,
        schedule: null,
        userAgent: null,
        tags: [],
        nextCheckReason: "interval",
        lastHttpStatus: null,
        itemsSeen: 0,
        fetchCount: 0,
        notModifiedCount: 0,
      });
      expect((await store.getArticles(["a1"])).map((a) => a.id)).toEqual(["a1"]);
    } finally {
      await store.close();
    }
  });

  it("goes back down, giving sources without an interval 900 seconds", async () => {
    const store = await createStore(database.url);
    await store.upsertSources([
      { id: "cron", name: "C", url: "https://c.example/", kind: "rss", schedule: "@hourly" },
    ]);
    await store.close();
    const { db } = openDatabase(database.url);
    try {
      await migrateTo(db as Kysely<unknown>, BEFORE);
      const rows = await sql<{
        interval_seconds: number;
      }>`select interval_seconds from sources`.execute(db);
      expect(rows.rows).toEqual([{ interval_seconds: 900 }]);
    } finally {
      await db.destroy();
    }
  });
});
