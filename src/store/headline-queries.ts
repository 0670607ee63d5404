import type { ExpressionBuilder, Expression, Kysely, SqlBool } from "kysely";
import type { Database } from "./database";
import type {
  ArticleFilter,
  HeadlinePage,
  HeadlinePageQuery,
  LatestPosition,
  Store,
} from "./store";

/** The part of the Store that pages through headlines. */
export type HeadlineQueries = Pick<Store, "listLatest">;

type ArticlesEb = ExpressionBuilder<Database, "articles">;

/** Headline pages over `db`. */
export function createHeadlineQueries(db: Kysely<Database>): HeadlineQueries {
  return { listLatest: (query) => listLatest(db, query) };
}

/** One page in the LATEST order (keyset on publishedAt desc, id desc) plus the filter's total. */
async function listLatest(db: Kysely<Database>, query: HeadlinePageQuery): Promise<HeadlinePage> {
  const first = Math.max(0, Math.floor(query.first));
  // Backwards, the keyset runs the other way and the page is turned round after.
  const backwards = query.before !== undefined;
  const direction = backwards ? "asc" : "desc";
  const fetched = await db
    .selectFrom("articles")
    .select(["id", "published_at"])
    .where((eb) =>
      eb.and([
        ...filterConditions(eb, query.filter),
        ...afterCondition(eb, query.after),
        ...beforeCondition(eb, query.before),
      ]),
    )
    .orderBy("published_at", direction)
    .orderBy("id", direction)
    // One extra row tells whether another page follows.
    .limit(first + 1)
    .execute();
  const rows = backwards
    ? [...fetched.slice(0, first)].reverse().concat(fetched.slice(first))
    : fetched;
  const total = await db
    .selectFrom("articles")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where((eb) => eb.and(filterConditions(eb, query.filter)))
    .executeTakeFirstOrThrow();
  return {
    items: rows.slice(0, first).map((r) => ({ publishedAt: r.published_at, id: r.id })),
    hasNextPage: rows.length > first,
    totalCount: Number(total.count),
  };
}

/** The WHERE conditions of a filter; an empty list matches everything. */
export function filterConditions(eb: ArticlesEb, filter: ArticleFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.sourceIds !== undefined) conditions.push(inList(eb, "source_id", filter.sourceIds));
  if (filter.tagSlugs !== undefined) conditions.push(hasTag(eb, filter.tagSlugs));
  for (const slug of filter.allTagSlugs ?? []) conditions.push(hasTag(eb, [slug]));
  if (filter.fullText !== undefined) {
    const { present, minWords } = filter.fullText;
    conditions.push(eb("word_count", present ? ">=" : "<", minWords));
  }
  if (filter.onlyIds !== undefined) conditions.push(inIds(eb, filter.onlyIds));
  if (filter.excludeIds !== undefined && filter.excludeIds.length > 0) {
    conditions.push(eb("id", "not in", filter.excludeIds));
  }
  if (filter.language !== undefined) conditions.push(eb("language", "=", filter.language));
  if (filter.since !== undefined) conditions.push(eb("published_at", ">=", filter.since));
  if (filter.until !== undefined) conditions.push(eb("published_at", "<", filter.until));
  return conditions;
}

function inIds(eb: ArticlesEb, ids: string[]): Expression<SqlBool> {
  return ids.length === 0 ? eb.lit(false) : eb("id", "in", ids);
}

function inList(eb: ArticlesEb, column: "source_id", values: string[]): Expression<SqlBool> {
  // An empty IN list is invalid SQL; it matches nothing.
  return values.length === 0 ? eb.lit(false) : eb(column, "in", values);
}

function hasTag(eb: ArticlesEb, slugs: string[]): Expression<SqlBool> {
  if (slugs.length === 0) return eb.lit(false);
  return eb.exists(
    eb
      .selectFrom("article_tags")
      .select("article_tags.article_id")
      .whereRef("article_tags.article_id", "=", "articles.id")
      .where("article_tags.slug", "in", slugs),
  );
}

function afterCondition(eb: ArticlesEb, after: LatestPosition | undefined): Expression<SqlBool>[] {
  if (after === undefined) return [];
  return [
    eb.or([
      eb("published_at", "<", after.publishedAt),
      eb.and([eb("published_at", "=", after.publishedAt), eb("id", "<", after.id)]),
    ]),
  ];
}

function beforeCondition(
  eb: ArticlesEb,
  before: LatestPosition | undefined,
): Expression<SqlBool>[] {
  if (before === undefined) return [];
  return [
    eb.or([
      eb("published_at", ">", before.publishedAt),
      eb.and([eb("published_at", "=", before.publishedAt), eb("id", ">", before.id)]),
    ]),
  ];
}
