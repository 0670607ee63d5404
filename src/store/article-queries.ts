import type { Kysely } from "kysely";
import type { Article } from "../domain/article";
import { rowToArticle } from "./article-row";
import { chunk } from "./chunk";
import type { Database } from "./database";
import type { StoreDialect } from "./open-database";
import type { Store } from "./store";
import { loadTags } from "./tag-queries";
import { upsertArticles } from "./upsert-articles";

/** The part of the Store that writes and reads whole articles. */
export type ArticleQueries = Pick<Store, "upsertArticles" | "getArticles" | "findArticleIdByUrl">;

/** Article reads and writes over `db`. */
export function createArticleQueries(db: Kysely<Database>, dialect: StoreDialect): ArticleQueries {
  return {
    upsertArticles: (articles) => upsertArticles(db, dialect, articles),
    getArticles: (ids) => getArticles(db, ids),
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
async function getArticles(db: Kysely<Database>, ids: readonly string[]): Promise<Article[]> {
  const articles: Article[] = [];
  for (const slice of chunk([...new Set(ids)])) {
    const rows = await db.selectFrom("articles").selectAll().where("id", "in", slice).execute();
    if (rows.length === 0) continue;
    const tags = await loadTags(
      db,
      rows.map((r) => r.id),
    );
    articles.push(...rows.map((row) => rowToArticle(row, tags.get(row.id) ?? [])));
  }
  return articles;
}
