import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Client } from "pg";
import { holdSqliteLock } from "../support/hold-sqlite-lock";
import { createTestDatabase } from "../support/postgres";

/** The articles stored, as the chaos run counts them. */
export interface StoredCount {
  /** Rows per source. */
  rows: Map<string, number>;
  /** Distinct guids per source. */
  guids: Map<string, Set<string>>;
}

/** The database of a chaos run: its URL, a fault of its own, and a count of what it holds. */
export interface ChaosStore {
  kind: "sqlite" | "postgres";
  url: string;
  /** Another process takes the write lock of the articles; returns how to let it go. */
  holdWriteLock(): Promise<() => Promise<void>>;
  countArticles(): Promise<StoredCount>;
  drop(): Promise<void>;
}

const COUNT_SQL = "select source_id, guid from articles";

/** A fresh SQLite file in a temporary directory. */
export function createSqliteChaosStore(): ChaosStore {
  const dir = mkdtempSync(join(tmpdir(), "newsgate-chaos-"));
  const path = join(dir, "newsgate.db");
  return {
    kind: "sqlite",
    url: `sqlite:${path}`,
    async holdWriteLock() {
      const held = await holdSqliteLock(path);
      return () => held.release();
    },
    async countArticles() {
      const db = new Database(path, { readonly: true, fileMustExist: true });
      try {
        return tally(db.prepare(COUNT_SQL).all() as Row[]);
      } finally {
        db.close();
      }
    },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the PostgreSQL server at `baseUrl`. */
export async function createPostgresChaosStore(baseUrl: string): Promise<ChaosStore> {
  const database = await createTestDatabase(baseUrl, "newsgate_chaos");
  const withClient = async <T>(use: (c: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return await use(client);
    } finally {
      await client.end();
    }
  };
  return {
    kind: "postgres",
    url: database.url,
    async holdWriteLock() {
      // EXCLUSIVE: reads go on, every write to articles waits (as behind a long migration).
      const client = new Client({ connectionString: database.url });
      await client.connect();
      await client.query("BEGIN");
      await client.query("LOCK TABLE articles IN EXCLUSIVE MODE");
      return async () => {
        await client.query("COMMIT");
        await client.end();
      };
    },
    countArticles: () => withClient(async (c) => tally((await c.query<Row>(COUNT_SQL)).rows)),
    drop: () => database.drop(),
  };
}

interface Row {
  source_id: string;
  guid: string | null;
}

function tally(rows: Row[]): StoredCount {
  const counted: StoredCount = { rows: new Map(), guids: new Map() };
  for (const row of rows) {
    counted.rows.set(row.source_id, (counted.rows.get(row.source_id) ?? 0) + 1);
    const guids = counted.guids.get(row.source_id) ?? new Set<string>();
    guids.add(row.guid ?? "");
    counted.guids.set(row.source_id, guids);
  }
  return counted;
}

/** Every item served against what is stored: missing ones are lost, extra rows are twice. */
export function compareArticles(
  served: ReadonlyMap<string, ReadonlySet<string>>,
  stored: StoredCount,
): { expected: number; stored: number; lost: number; duplicated: number } {
  const result = { expected: 0, stored: 0, lost: 0, duplicated: 0 };
  for (const [source, guids] of served) {
    const have = stored.guids.get(source) ?? new Set<string>();
    result.expected += guids.size;
    for (const guid of guids) if (!have.has(guid)) result.lost++;
    result.stored += have.size;
    result.duplicated += (stored.rows.get(source) ?? 0) - have.size;
  }
  return result;
}
