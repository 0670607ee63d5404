import Database, { type Database as Connection, type Statement } from "better-sqlite3";
import { workerData } from "node:worker_threads";

/** What the pool sends a reader thread: one statement and its parameters. */
export interface ReadTask {
  sql: string;
  parameters: readonly unknown[];
}

/** What the pool gives a reader thread to start with. */
export interface ReaderData {
  path: string;
  busyTimeoutMs: number;
}

// Each thread keeps one read-only connection and its prepared statements for its lifetime.
const MAX_STATEMENTS = 256;
let connection: Connection | undefined;
const statements = new Map<string, Statement>();

function open(data: ReaderData): Connection {
  const db = new Database(data.path, { readonly: true, fileMustExist: true });
  db.pragma(`busy_timeout = ${data.busyTimeoutMs}`);
  db.pragma("query_only = ON");
  return db;
}

function prepared(db: Connection, sql: string): Statement {
  const cached = statements.get(sql);
  if (cached !== undefined) return cached;
  if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
  const statement = db.prepare(sql);
  statements.set(sql, statement);
  return statement;
}

/** The thread's entry point (piscina calls it by name): runs one read, returns its rows. */
export function readTask(task: ReadTask): unknown[] {
  connection ??= open(workerData as ReaderData);
  const statement = prepared(connection, task.sql);
  if (!statement.reader) throw new Error("store: a reader thread runs only statements that read");
  return statement.all(...task.parameters);
}
