import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import { toFts5Query, toTsQuery } from "../domain/search-query";
import type { Database } from "./database";
import { filterConditions } from "./headline-queries";
import { type KeyColumn, inKeysetOrder, keysetConditions, keysetRequest, turnPage } from "./keyset";
import type { StoreDialect } from "./open-database";
import type { SearchPage, SearchQuery, Store } from "./store";

/** The part of the Store that searches articles. */
export type SearchQueries = Pick<Store, "searchArticles">;

// Snippet marks that text cannot contain; they become <mark> once the text is escaped.
const OPEN = "\u0001";
const CLOSE = "\u0002";

/** Full-text search over `db`: FTS5 on SQLite, tsvector on PostgreSQL (see migration 0006). */
export function createSearchQueries(db: Kysely<Database>, dialect: StoreDialect): SearchQueries {
  return {
    searchArticles: (query) =>
      dialect === "sqlite" ? searchSqlite(db, query) : searchPostgres(db, query),
  };
}

// FTS5's bm25 is lower for better matches; the score shown is its negation (higher is better).
async function searchSqlite(db: Kysely<Database>, query: SearchQuery): Promise<SearchPage> {
  const match = toFts5Query(query.search);
  const matches = sql<SqlBool>`articles.rowid in (select rowid from articles_fts where articles_fts match ${match})`;
  const score = sql<number>`(select -bm25(articles_fts, 10.0, 4.0, 1.0) from articles_fts where articles_fts match ${match} and articles_fts.rowid = articles.rowid)`;
  const snippet = sql<string>`(select snippet(articles_fts, -1, ${OPEN}, ${CLOSE}, '…', 24) from articles_fts where articles_fts match ${match} and articles_fts.rowid = articles.rowid)`;
  return page(db, query, matches, score, snippet);
}

async function searchPostgres(db: Kysely<Database>, query: SearchQuery): Promise<SearchPage> {
  const tsquery = sql`to_tsquery('simple', ${toTsQuery(query.search)})`;
  const matches = sql<SqlBool>`search_vector @@ ${tsquery}`;
  const score = sql<number>`ts_rank_cd(search_vector, ${tsquery})::float8`;
  const options = `StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=30, MinWords=12, MaxFragments=1`;
  const snippet = sql<string>`ts_headline('simple', coalesce(content_text, summary, title), ${tsquery}, ${options})`;
  return page(db, query, matches, score, snippet);
}

// Best first, ties by id; the keyset position is a row's (score, id).
const RELEVANCE_ORDER: KeyColumn[] = [
  { expr: sql.ref("score"), dir: "desc" },
  { expr: sql.ref("id"), dir: "asc" },
];

async function page(
  db: Kysely<Database>,
  query: SearchQuery,
  matches: Expression<SqlBool>,
  score: RawBuilder<number>,
  snippet: RawBuilder<string>,
): Promise<SearchPage> {
  const request = keysetRequest(query, (p) => [p.score, p.id]);
  const ranked = db
    .selectFrom("articles")
    .select(["id", score.as("score")])
    .where((eb) => eb.and([matches, ...filterConditions(eb, query.filter)]));
  const select = db
    .selectFrom(ranked.as("ranked"))
    .selectAll()
    .where((eb) => eb.and(keysetConditions(RELEVANCE_ORDER, request)));
  const shown = turnPage(await inKeysetOrder(select, RELEVANCE_ORDER, request).execute(), request);
  const total = await db
    .selectFrom("articles")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where((eb) => eb.and([matches, ...filterConditions(eb, query.filter)]))
    .executeTakeFirstOrThrow();
  const snippets = await snippetsOf(
    db,
    shown.rows.map((r) => r.id),
    snippet,
  );
  return {
    items: shown.rows.map((r) => ({
      id: r.id,
      score: Number(r.score),
      snippet: snippets.get(r.id) ?? null,
    })),
    hasNextPage: shown.more,
    totalCount: Number(total.count),
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
