import {
  type Expression,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from "kysely";

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

/** The keyset request of a page query whose positions `keyOf` reads as key values. */
export function keysetRequest<P>(
  query: { first: number; after?: P; before?: P },
  keyOf: (position: P) => unknown[],
): KeysetRequest {
  return {
    first: Math.max(0, Math.floor(query.first)),
    after: query.after === undefined ? undefined : keyOf(query.after),
    before: query.before === undefined ? undefined : keyOf(query.before),
  };
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

/**
 * The query read in `order` (every column the other way going back from `before`), one row
 * past the page so that turnPage can tell whether more follow.
 */
export function inKeysetOrder<DB, TB extends keyof DB, O>(
  select: SelectQueryBuilder<DB, TB, O>,
  order: readonly KeyColumn[],
  request: KeysetRequest,
): SelectQueryBuilder<DB, TB, O> {
  const back = request.before !== undefined;
  let ordered = select;
  for (const c of order)
    ordered = ordered.orderBy(c.expr, back === (c.dir === "desc") ? "asc" : "desc");
  return ordered.limit(request.first + 1);
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
