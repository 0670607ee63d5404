import {
  type Expression,
  expressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
} from "kysely";
import { toFts5Query, toTsQuery } from "../domain/search-query";
import type { ArticleFilter } from "./store";
import type { Database } from "./database";
import { filterConditions } from "./headline-queries";
import { type KeyColumn, inKeysetOrder, keysetConditions, keysetRequest, turnPage } from "./keyset";
import type { StoreDialect } from "./open-database";
import type { SearchPage, SearchQuery, Store } from "./store";

/** The part of the Store that searches articles. */
export type SearchQueries = Pick<Store, "searchArticles">;

/** How much of a search's matches is read: what bounds its work, whatever the word. */
export interface SearchBounds {
  /**
   * The most matches ranked and paged through: the best by BM25 over every match on SQLite
   * (without a filter: with one, every match is read), the newest matches on PostgreSQL.
   */
  candidates: number;
  /** Matches are counted up to this many; beyond it the count says it is capped. */
  count: number;
}

/** The bounds the store searches with. */
export const SEARCH_BOUNDS: SearchBounds = { candidates: 1000, count: 1000 };

// Snippet marks that text cannot contain; they become <mark> once the text is escaped.
const OPEN = "\u0001";
const CLOSE = "\u0002";

/** Full-text search over `db`: FTS5 on SQLite, tsvector on PostgreSQL (see migration 0006). */
export function createSearchQueries(
  db: Kysely<Database>,
  dialect: StoreDialect,
  bounds: SearchBounds = SEARCH_BOUNDS,
): SearchQueries {
  return {
    searchArticles: (query) =>
      dialect === "sqlite" ? searchSqlite(db, query, bounds) : searchPostgres(db, query, bounds),
  };
}

/** How one dialect finds, ranks, counts and quotes the matches of a search. */
interface SearchPlan {
  /** The candidates as a subquery of (id, score), best first, at most `bounds.candidates`. */
  candidates: RawBuilder<{ id: string; score: number }>;
  /** The matches (with the filter), counted up to `bounds.count`. */
  count: () => Promise<{ count: number; capped: boolean }>;
  snippet: RawBuilder<string>;
}

// FTS5's rank (weighted BM25, migration 0007) is lower for better matches; the score shown is
// its negation (higher is better).
function searchSqlite(
  db: Kysely<Database>,
  query: SearchQuery,
  bounds: SearchBounds,
): Promise<SearchPage> {
  const match = toFts5Query(query.search);
  const bm25 = sql`articles_fts.rank`;
  const filter = whereFilter(query.filter);
  // Unfiltered, the index alone ranks and counts; the articles table is read for 1,000 rows.
  const candidates = filter
    ? sql<{ id: string; score: number }>`select articles.id as id, -${bm25} as score
        from articles_fts join articles on articles.rowid = articles_fts.rowid
        where articles_fts match ${match} and ${filter}
        order by ${bm25} limit ${bounds.candidates}`
    : sql<{ id: string; score: number }>`select articles.id as id, f.score as score
        from (select rowid, -rank as score from articles_fts
              where articles_fts match ${match} order by rank limit ${bounds.candidates}) f
        join articles on articles.rowid = f.rowid`;
  const counted = filter
    ? sql`select 1 from articles_fts join articles on articles.rowid = articles_fts.rowid
        where articles_fts match ${match} and ${filter}`
    : sql`select 1 from articles_fts where articles_fts match ${match}`;
  const snippet = sql<string>`(select snippet(articles_fts, -1, ${OPEN}, ${CLOSE}, '…', 24) from articles_fts where articles_fts match ${match} and articles_fts.rowid = articles.rowid)`;
  return page(db, query, {
    candidates,
    count: () => countUpTo(db, counted, bounds.count),
    snippet,
  });
}

// The newest matches are ranked: ts_rank reads each one's vector, so only a bounded set is read.
function searchPostgres(
  db: Kysely<Database>,
  query: SearchQuery,
  bounds: SearchBounds,
): Promise<SearchPage> {
  const tsquery = sql`to_tsquery('simple', ${toTsQuery(query.search)})`;
  const filter = whereFilter(query.filter) ?? sql<SqlBool>`true`;
  const candidates = sql<{ id: string; score: number }>`select m.id as id,
      ts_rank_cd(m.search_vector, ${tsquery})::float8 as score
    from (select id, search_vector from articles
          where search_vector @@ ${tsquery} and ${filter}
          order by published_at desc limit ${bounds.candidates}) m`;
  const counted = sql`select 1 from articles where search_vector @@ ${tsquery} and ${filter}`;
  const options = `StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=30, MinWords=12, MaxFragments=1`;
  const snippet = sql<string>`ts_headline('simple', coalesce(content_text, summary, title), ${tsquery}, ${options})`;
  return page(db, query, {
    candidates,
    count: () => countUpTo(db, counted, bounds.count),
    snippet,
  });
}

// The filter's conditions on the articles table, or null for no filter.
function whereFilter(filter: ArticleFilter): Expression<SqlBool> | null {
  const eb = expressionBuilder<Database, "articles">();
  const conditions = filterConditions(eb, filter);
  return conditions.length === 0 ? null : eb.and(conditions);
}

async function countUpTo(
  db: Kysely<Database>,
  matches: RawBuilder<unknown>,
  most: number,
): Promise<{ count: number; capped: boolean }> {
  const { rows } = await sql<{ count: number }>`select count(*) as count
    from (${matches} limit ${most + 1}) counted`.execute(db);
  const count = Number(rows[0]?.count ?? 0);
  return { count: Math.min(count, most), capped: count > most };
}

// Best first, ties by id; the keyset position is a row's (score, id).
const RELEVANCE_ORDER: KeyColumn[] = [
  { expr: sql.ref("score"), dir: "desc" },
  { expr: sql.ref("id"), dir: "asc" },
];

async function page(db: Kysely<Database>, query: SearchQuery, plan: SearchPlan) {
  const request = keysetRequest(query, (p) => [p.score, p.id]);
  const select = db
    .selectFrom(sql<{ id: string; score: number }>`(${plan.candidates})`.as("ranked"))
    .select(["id", "score"])
    .where((eb) => eb.and(keysetConditions(RELEVANCE_ORDER, request)));
  const shown = turnPage(await inKeysetOrder(select, RELEVANCE_ORDER, request).execute(), request);
  const snippets = await snippetsOf(
    db,
    shown.rows.map((r) => r.id),
    plan.snippet,
  );
  return {
    items: shown.rows.map((r) => ({
      id: r.id,
      score: Number(r.score),
      snippet: snippets.get(r.id) ?? null,
    })),
    hasNextPage: shown.more,
    ...(await plan.count().then(({ count, capped }) => ({
      totalCount: count,
      totalCountCapped: capped,
    }))),
  };
}

// Snippets cost the most: only the page's rows get one.
async function snippetsOf(db: Kysely<Database>, ids: string[], snippet: RawBuilder<string>) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom("articles")
    .select(["id", snippet.as("snippet")])
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((r) => [r.id, markSnippet(r.snippet ?? "")]));
}

/** Returns the snippet as safe HTML: its text escaped, the matched words in `<mark>`. */
export function markSnippet(raw: string): string {
  const escaped = raw.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return escaped
    .replaceAll(OPEN, "<mark>")
    .replaceAll(CLOSE, "</mark>")
    .replace(/\s+/g, " ")
    .trim();
}
