import type { Kysely } from "kysely";
import type { Article, Tag } from "../domain/article";
import type { ArticleBody, ArticleCard } from "../domain/article-card";
import { CARD_COLUMNS, rowToArticle, rowToCard } from "./article-row";
import { chunk } from "./chunk";
import type { Database } from "./database";
import type { StoreDialect } from "./open-database";
import type { Store } from "./store";
import { loadTags } from "./tag-queries";
import { upsertArticles } from "./upsert-articles";

/** The part of the Store that writes and reads whole articles. */
export type ArticleQueries = Pick<
  Store,
  "upsertArticles" | "getArticles" | "getArticleCards" | "getArticleBodies" | "findArticleIdByUrl"
>;

/** Article reads and writes over `db`. */
export function createArticleQueries(db: Kysely<Database>, dialect: StoreDialect): ArticleQueries {
  return {
    upsertArticles: (articles) => upsertArticles(db, dialect, articles),
    getArticles: (ids) => getArticles(db, ids),
    getArticleCards: (ids) => getArticleCards(db, ids),
    getArticleBodies: (ids) => getArticleBodies(db, ids),
    findArticleIdByUrl: async (url) => {
      const row = await db
        .selectFrom("articles")
        .select("id")
        .where("url", "=", url)
        .executeTakeFirst();
      return row?.id ?? null;
    },
  };
}

/** Articles with their tags: two queries per 500 ids (rows, then tags). */
function getArticles(db: Kysely<Database>, ids: readonly string[]): Promise<Article[]> {
  return readWithTags(
    ids,
    (slice) => db.selectFrom("articles").selectAll().where("id", "in", slice).execute(),
    (slice) => loadTags(db, slice),
    rowToArticle,
  );
}

/** Cards (no story text) with their tags: two queries per 500 ids. */
function getArticleCards(db: Kysely<Database>, ids: readonly string[]): Promise<ArticleCard[]> {
  return readWithTags(
    ids,
    (slice) => db.selectFrom("articles").select(CARD_COLUMNS).where("id", "in", slice).execute(),
    (slice) => loadTags(db, slice),
    rowToCard,
  );
}

/** Reads rows by id a chunk at a time, then their tags, and maps each row with its tags. */
async function readWithTags<R extends { id: string }, T>(
  ids: readonly string[],
  rowsOf: (ids: string[]) => Promise<R[]>,
  tagsOf: (ids: string[]) => Promise<Map<string, Tag[]>>,
  map: (row: R, tags: Tag[]) => T,
): Promise<T[]> {
  const found: T[] = [];
  for (const slice of chunk([...new Set(ids)])) {
    const rows = await rowsOf(slice);
    if (rows.length === 0) continue;
    const tags = await tagsOf(rows.map((r) => r.id));
    for (const row of rows) found.push(map(row, tags.get(row.id) ?? []));
  }
  return found;
}

/** The story text of articles by id; missing ids are absent. */
async function getArticleBodies(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, ArticleBody>> {
  const bodies = new Map<string, ArticleBody>();
  for (const slice of chunk([...new Set(ids)])) {
    const rows = await db
      .selectFrom("articles")
      .select(["id", "content_html", "content_text"])
      .where("id", "in", slice)
      .execute();
    for (const r of rows) {
      bodies.set(r.id, { contentHtml: r.content_html, contentText: r.content_text });
    }
  }
  return bodies;
}
