import { sql } from "kysely";
import { Client } from "pg";
import { classifyStoreError } from "../../src/store/classify-store-error";
import { createStore } from "../../src/store/create-store";
import { openDatabase, type PostgresLimits } from "../../src/store/open-database";
import type { Store } from "../../src/store/store";
import { StoreUnavailableError } from "../../src/store/store-unavailable-error";
import { countTicks } from "../support/count-ticks";
import { createTestDatabase, type TestDatabase } from "../support/postgres";
import { makeSource } from "./store-backends";

const baseUrl = process.env.TEST_DATABASE_URL;

// Runs only against a server (TEST_DATABASE_URL); SQLite's side is in write-lock.test.ts.
(baseUrl ? describe : describe.skip)("PostgreSQL timeouts and pool bounds", () => {
  let database: TestDatabase;
  let store: Store | undefined;
  let holder: Client | undefined;
  let ticks: ReturnType<typeof countTicks> | undefined;

  beforeEach(async () => {
    database = await createTestDatabase(baseUrl!);
  });
  afterEach(async () => {
    ticks?.stop();
    await holder?.end();
    await store?.close();
    await database.drop();
    store = holder = ticks = undefined;
  });

  async function open(postgres: Partial<PostgresLimits>): Promise<Store> {
    store = await createStore(database.url, { postgres });
    await store.upsertSources([makeSource("news")]);
    return store;
  }

  // Another connection locks the sources table in an open transaction, as a long migration or
  // a careless psql session would.
  async function lockSources(): Promise<Client> {
    holder = new Client({ connectionString: database.url });
    await holder.connect();
    await holder.query("begin");
    await holder.query("lock table sources in access exclusive mode");
    return holder;
  }

  const nextCheck = { at: 1, reason: "interval" } as const;

  it("fails a write with StoreUnavailableError (lock-timeout) while the loop keeps turning", async () => {
    const s = await open({ lockTimeoutMs: 300 });
    await lockSources();
    const events: string[] = [];
    const write = s.setNextCheck("news", nextCheck).catch((error: unknown) => {
      events.push("write failed");
      return error;
    });
    ticks = countTicks();
    await ticks.reach(100);
    events.push("100 ticks");
    // Reads of what is not locked go on meanwhile.
    expect(await s.getArticles(["none"])).toEqual([]);
    events.push("read answered");
    const failed = await write;
    expect(failed).toBeInstanceOf(StoreUnavailableError);
    expect(failed).toMatchObject({ fault: "lock-timeout", operation: "setNextCheck" });
    expect(events).toEqual(["100 ticks", "read answered", "write failed"]);
  });

  it("reports an exhausted pool as StoreUnavailableError (pool-exhausted) after a short wait", async () => {
    const s = await open({ lockTimeoutMs: 10_000, poolSize: 2, poolWaitMs: 200 });
    const lock = await lockSources();
    const events: string[] = [];
    // Two writes wait on the lock and take both connections.
    const waiting = [s.setNextCheck("news", nextCheck), s.removeSource("news")].map((p) =>
      p.then(() => events.push("write done")),
    );
    const failed = await s.getArticles(["none"]).catch((error: unknown) => error);
    events.push("third call failed");
    expect(failed).toMatchObject({ fault: "pool-exhausted", operation: "getArticles" });
    await lock.query("commit");
    await Promise.all(waiting);
    expect(events).toEqual(["third call failed", "write done", "write done"]);
  });

  it("sets statement_timeout and lock_timeout on every pooled connection", async () => {
    const { db } = openDatabase(database.url, {
      postgres: { statementTimeoutMs: 150, lockTimeoutMs: 1234 },
    });
    try {
      const show = async (name: string) =>
        Object.values((await sql.raw(`show ${name}`).execute(db)).rows[0] as object)[0];
      expect(await show("lock_timeout")).toBe("1234ms");
      expect(await show("statement_timeout")).toBe("150ms");
      const slow = await sql`select pg_sleep(2)`.execute(db).catch((error: unknown) => error);
      expect(classifyStoreError(slow)).toBe("statement-timeout");
    } finally {
      await db.destroy();
    }
  });
});
