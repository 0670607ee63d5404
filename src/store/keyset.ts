import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";

/** One column of a keyset order (an expression: a column, or an aggregate in HAVING). */
export interface KeyColumn {
  expr: Expression<unknown>;
  dir: "asc" | "desc";
}

/**
 * A keyset page request: up to `first` rows past `after` in the order, or the `first` rows
 * just before `before` (still in the order). A key holds one value per key column.
 */
export interface KeysetRequest {
  first: number;
  after?: readonly unknown[];
  before?: readonly unknown[];
}

/**
 * The condition for rows strictly past `key` in `order` (side "after") or strictly ahead of it
 * (side "before"): the first column compared, then each later one on ties. Null without a key.
 */
export function pastKey(
  order: readonly KeyColumn[],
  key: readonly unknown[] | undefined,
  side: "after" | "before",
): RawBuilder<SqlBool> | null {
  if (key === undefined) return null;
  const terms = order.map((column, i) => {
    const later = (column.dir === "desc") === (side === "after") ? "<" : ">";
    const ties = order.slice(0, i).map((c, j) => sql`${c.expr} = ${key[j]}`);
    return sql.join([...ties, sql`${column.expr} ${sql.raw(later)} ${key[i]}`], sql` and `);
  });
  return sql<SqlBool>`(${sql.join(
    terms.map((t) => sql`(${t})`),
    sql` or `,
  )})`;
}

/** The conditions of a request: past `after` and ahead of `before` (either may be absent). */
export function keysetConditions(
  order: readonly KeyColumn[],
  request: KeysetRequest,
): RawBuilder<SqlBool>[] {
  return [pastKey(order, request.after, "after"), pastKey(order, request.before, "before")].filter(
    (c): c is RawBuilder<SqlBool> => c !== null,
  );
}

/** The order to read in: going back from `before`, every column runs the other way. */
export function readOrder(order: readonly KeyColumn[], request: KeysetRequest): KeyColumn[] {
  if (request.before === undefined) return [...order];
  return order.map((c) => ({ expr: c.expr, dir: c.dir === "asc" ? "desc" : "asc" }));
}

/**
 * The page out of the rows read (`first + 1` at most, in read order): in the order, with
 * whether more rows lie beyond it in the direction read.
 */
export function turnPage<R>(
  fetched: readonly R[],
  request: KeysetRequest,
): { rows: R[]; more: boolean } {
  const rows = fetched.slice(0, request.first);
  if (request.before !== undefined) rows.reverse();
  return { rows, more: fetched.length > request.first };
}
