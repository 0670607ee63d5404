import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from "kysely";
import { Pool, TypeOverrides } from "pg";
import type { Database } from "./database";
import { withStatementCache } from "./statement-cache";

/** Which SQL dialect a store speaks. */
export type StoreDialect = "sqlite" | "postgres";

/** An open Kysely instance with the dialect it speaks. */
export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: StoreDialect;
}

const INT8_OID = 20;
// While opening and migrating, nothing else runs yet: waiting on a lock in SQLite is harmless.
// createStore then sets the writer's timeout to 0 and retries SQLITE_BUSY on timers instead.
const SQLITE_OPENING_BUSY_TIMEOUT_MS = 5000;

/** Called after each statement with its duration in milliseconds (failed ones too). */
export type QueryListener = (durationMs: number) => void;

/** Bounds on the PostgreSQL pool's connections, so no call waits on the database unbounded. */
export interface PostgresLimits {
  /** `statement_timeout` of every connection (0: none). */
  statementTimeoutMs: number;
  /** `lock_timeout` of every connection (0: none). */
  lockTimeoutMs: number;
  /** Connections in the pool. */
  poolSize: number;
  /** How long a call waits for a free connection (or a new one to connect) before failing. */
  poolWaitMs: number;
}

/** The PostgreSQL limits when none are configured (README, Configuration). */
export const DEFAULT_POSTGRES_LIMITS: PostgresLimits = {
  statementTimeoutMs: 30_000,
  lockTimeoutMs: 5_000,
  poolSize: 10,
  poolWaitMs: 5_000,
};

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  onQuery?: QueryListener;
  /** PostgreSQL only; each absent field takes its default. */
  postgres?: Partial<PostgresLimits>;
}

/** Opens `sqlite:PATH`, `sqlite::memory:`, `postgres://...` or `postgresql://...` with Kysely. */
export function openDatabase(databaseUrl: string, opts: OpenDatabaseOptions = {}): OpenDatabase {
  const { onQuery } = opts;
  const log = onQuery && ((event: LogEvent) => onQuery(event.queryDurationMillis));
  if (databaseUrl.startsWith("sqlite:")) {
    return { db: openSqlite(parseSqlitePath(databaseUrl), log), dialect: "sqlite" };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const limits = { ...DEFAULT_POSTGRES_LIMITS, ...opts.postgres };
    return { db: openPostgres(databaseUrl, limits, log), dialect: "postgres" };
  }
  const scheme = databaseUrl.split(":")[0] ?? "";
  throw new Error(`store: unsupported database URL scheme "${scheme}:" (use sqlite: or postgres:)`);
}

/** The file path in a `sqlite:` URL (`sqlite:./a.db`, `sqlite:///abs/a.db`, `sqlite::memory:`). */
export function parseSqlitePath(databaseUrl: string): string {
  const rest = databaseUrl.slice("sqlite:".length);
  const path = rest.startsWith("//") ? rest.slice(2) : rest;
  if (path === "") throw new Error("store: sqlite: URL has no file path");
  return path;
}

type KyselyLog = ((event: LogEvent) => void) | undefined;

function openSqlite(path: string, log: KyselyLog): Kysely<Database> {
  const inMemory = path === ":memory:";
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path);
  if (!inMemory) database.pragma("journal_mode = WAL");
  if (!inMemory) database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  database.pragma(`busy_timeout = ${SQLITE_OPENING_BUSY_TIMEOUT_MS}`);
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
    log,
  });
}

function openPostgres(
  connectionString: string,
  limits: PostgresLimits,
  log: KyselyLog,
): Kysely<Database> {
  // Per pool, not the global pg.types: epoch-ms bigints fit a JS number exactly.
  const types = new TypeOverrides();
  types.setTypeParser(INT8_OID, "text", Number);
  const pool = new Pool({
    connectionString,
    types,
    max: limits.poolSize,
    // Sent as startup parameters: every connection has them, from its first statement on.
    statement_timeout: limits.statementTimeoutMs,
    lock_timeout: limits.lockTimeoutMs,
    // pg-pool: a call waiting longer than this for a client fails instead of queueing forever.
    connectionTimeoutMillis: limits.poolWaitMs,
  });
  // An idle client dying (server restart) must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
}
