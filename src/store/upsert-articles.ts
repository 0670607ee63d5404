import type { Kysely } from "kysely";
import type { Article } from "../domain/article";
import type { ArticleRow, Database } from "./database";
import { loadCollisions } from "./load-collisions";
import type { StoreDialect } from "./open-database";
import {
  type ArticleUpdate,
  type StoredArticle,
  planArticleUpsert,
  toStoredArticle,
} from "./plan-article-upsert";
import type { UpsertResult } from "./store";
import { deleteArticleTags, writeArticleTags } from "./tag-queries";
import { insertRows } from "./insert-rows";
import { runWriteTransaction } from "./write-transaction";

// 19 columns per row keeps a multi-row insert well under SQLite's parameter limit.
const INSERT_BATCH_SIZE = 40;

/**
 * Upserts articles in one write transaction: loads the rows they may collide with, plans the
 * writes in memory, then runs updates before inserts (an update may free a url an insert takes).
 */
export async function upsertArticles(
  db: Kysely<Database>,
  dialect: StoreDialect,
  articles: readonly Article[],
): Promise<UpsertResult> {
  if (articles.length === 0) return { inserted: [], updated: [], unchanged: 0 };
  // Each row (with its guid hash and headline fingerprint) is built once, for the lookup and
  // the plan alike.
  const incoming = articles.map(toStoredArticle);
  return runWriteTransaction(db, dialect, async (trx) => {
    const rows = incoming.map((a) => a.row);
    const plan = planArticleUpsert(incoming, await loadCollisions(trx, dialect, rows));
    await updateArticles(trx, plan.updates);
    const inserted = await insertArticles(trx, dialect, plan.inserts);
    const retagged = plan.updates.filter((u) => u.tags !== null);
    await deleteArticleTags(
      trx,
      retagged.map((u) => u.id),
    );
    const insertedIds = new Set(inserted);
    await writeArticleTags(trx, dialect, [
      ...plan.inserts
        .filter((a) => insertedIds.has(a.row.id))
        .map((a) => ({ articleId: a.row.id, tags: a.tags })),
      ...retagged.map((u) => ({ articleId: u.id, tags: u.tags ?? [] })),
    ]);
    // A row another writer inserted meanwhile was skipped by ON CONFLICT: it is stored already.
    const raced = plan.inserts.length - inserted.length;
    return {
      inserted,
      updated: plan.updates.map((u) => u.id),
      unchanged: plan.unchanged + raced,
    };
  });
}

async function updateArticles(
  db: Kysely<Database>,
  updates: readonly ArticleUpdate[],
): Promise<void> {
  for (const { id, content } of updates) {
    if (content !== null)
      await db.updateTable("articles").set(content).where("id", "=", id).execute();
  }
}

/** Inserts the rows; returns the ids actually written (a concurrent writer may have won). */
async function insertArticles(
  db: Kysely<Database>,
  dialect: StoreDialect,
  inserts: readonly StoredArticle[],
): Promise<string[]> {
  if (inserts.length === 0) return [];
  const rows = inserts.map((a) => a.row);
  const written = await insertRows(db, dialect, "articles", ARTICLE_COLUMNS, rows, {
    perStatement: INSERT_BATCH_SIZE,
    onConflict: "on conflict do nothing",
    returning: "id",
  });
  return written.map((r) => String(r.id));
}

// Every column of an article row, each once (the type holds the list to the table's columns).
const ARTICLE_COLUMN_SET = {
  ...{ id: 1, source_id: 1, guid: 1, guid_hash: 1, url: 1, title: 1, summary: 1 },
  ...{ content_html: 1, content_text: 1, author: 1, published_at: 1, updated_at: 1 },
  ...{ ingested_at: 1, language: 1, image_url: 1, word_count: 1, enclosures: 1 },
  ...{ fingerprint: 1, cluster_id: 1, content_route: 1, meta_route: 1 },
} satisfies Record<keyof ArticleRow, 1>;
const ARTICLE_COLUMNS = Object.keys(ARTICLE_COLUMN_SET) as (keyof ArticleRow)[];
