import { type ExpressionBuilder, type Expression, type Kysely, type SqlBool, sql } from "kysely";
import type { Database } from "./database";
import type { ArticleFilter, HeadlinePage, HeadlinePageQuery, Store } from "./store";
import { type KeyColumn, inKeysetOrder, keysetConditions, keysetRequest, turnPage } from "./keyset";

/** The part of the Store that pages through headlines. */
export type HeadlineQueries = Pick<Store, "listLatest">;

type ArticlesEb = ExpressionBuilder<Database, "articles">;

/** Headline pages over `db`. */
export function createHeadlineQueries(db: Kysely<Database>): HeadlineQueries {
  return { listLatest: (query) => listLatest(db, query) };
}

// The LATEST order: newest first, ties by id.
const LATEST_ORDER: KeyColumn[] = [
  { expr: sql.ref("published_at"), dir: "desc" },
  { expr: sql.ref("id"), dir: "desc" },
];

/** One page in the LATEST order (keyset on publishedAt desc, id desc) plus the filter's total. */
async function listLatest(db: Kysely<Database>, query: HeadlinePageQuery): Promise<HeadlinePage> {
  const request = keysetRequest(query, (p) => [p.publishedAt, p.id]);
  const select = db
    .selectFrom("articles")
    .select(["id", "published_at"])
    .where((eb) =>
      eb.and([...filterConditions(eb, query.filter), ...keysetConditions(LATEST_ORDER, request)]),
    );
  const page = turnPage(await inKeysetOrder(select, LATEST_ORDER, request).execute(), request);
  const total = await db
    .selectFrom("articles")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where((eb) => eb.and(filterConditions(eb, query.filter)))
    .executeTakeFirstOrThrow();
  return {
    items: page.rows.map((r) => ({ publishedAt: r.published_at, id: r.id })),
    hasNextPage: page.more,
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
  if (filter.language !== undefined) conditions.push(inLanguage(eb, filter.language));
  if (filter.since !== undefined) conditions.push(eb("published_at", ">=", filter.since));
  if (filter.until !== undefined) conditions.push(eb("published_at", "<", filter.until));
  return conditions;
}

// The language asked for, or any regional form of a bare one (see matchesLanguage).
function inLanguage(eb: ArticlesEb, asked: string): Expression<SqlBool> {
  if (asked.includes("-")) return eb("language", "=", asked);
  return eb.or([eb("language", "=", asked), eb("language", "like", `${asked}-%`)]);
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
