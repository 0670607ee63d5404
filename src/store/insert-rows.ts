import { CompiledQuery, type Kysely } from "kysely";
import type { Database } from "./database";
import type { StoreDialect } from "./open-database";

/** How insertRows writes: rows per statement, what a conflict does, which column comes back. */
export interface InsertRowsOptions {
  perStatement: number;
  /** SQL after the values (`on conflict do nothing`), or none. */
  onConflict?: string;
  /** A column each inserted row returns, or none. */
  returning?: string;
}

/**
 * Inserts the rows' `columns` into `table`, `perStatement` rows to a statement, and returns what
 * the statements return. The SQL is written here, not built by Kysely: its builder makes and
 * compiles nodes for every value, which costs more than SQLite's insert itself for the thousands
 * of rows an ingest writes. Table and column names come from this code, never from input.
 */
export async function insertRows<K extends string>(
  db: Kysely<Database>,
  dialect: StoreDialect,
  table: keyof Database,
  columns: readonly K[],
  rows: readonly Readonly<Record<K, unknown>>[],
  opts: InsertRowsOptions,
): Promise<Record<string, unknown>[]> {
  const returned: Record<string, unknown>[] = [];
  const texts = insertTexts(dialect, table, columns, opts);
  for (let start = 0; start < rows.length; start += opts.perStatement) {
    const slice = rows.slice(start, start + opts.perStatement);
    const parameters: unknown[] = [];
    for (const row of slice) for (const column of columns) parameters.push(row[column]);
    let text = texts.get(slice.length);
    if (text === undefined) {
      text = insertSql(dialect, table, columns, slice.length, opts);
      texts.set(slice.length, text);
    }
    const result = await db.executeQuery<Record<string, unknown>>(
      CompiledQuery.raw(text, parameters),
    );
    for (const row of result.rows) returned.push(row);
  }
  return returned;
}

// The SQL texts per insert shape and row count. Written once, the same string comes back each
// time: building a 40-row text anew, then hashing and comparing it in the statement cache, costs
// more than the statement's own run. Shapes come from this code and counts are at most
// perStatement, so the memo stays small.
const textsByShape = new Map<string, Map<number, string>>();

function insertTexts(
  dialect: StoreDialect,
  table: string,
  columns: readonly string[],
  opts: InsertRowsOptions,
): Map<number, string> {
  const shape = [dialect, table, opts.onConflict, opts.returning, ...columns].join("\u0000");
  let texts = textsByShape.get(shape);
  if (texts === undefined) {
    texts = new Map();
    textsByShape.set(shape, texts);
  }
  return texts;
}

function insertSql(
  dialect: StoreDialect,
  table: string,
  columns: readonly string[],
  count: number,
  opts: InsertRowsOptions,
): string {
  let parameter = 0;
  const placeholder = dialect === "postgres" ? () => `$${++parameter}` : () => "?";
  const rows = Array.from({ length: count }, () => `(${columns.map(placeholder).join(", ")})`);
  const names = columns.map((column) => `"${column}"`).join(", ");
  const conflict = opts.onConflict ? ` ${opts.onConflict}` : "";
  const returning = opts.returning ? ` returning "${opts.returning}"` : "";
  return `insert into "${table}" (${names}) values ${rows.join(", ")}${conflict}${returning}`;
}
