import { CompiledQuery, type Kysely } from "kysely";
import { chunk } from "./chunk";
import type { ArticleRow, Database } from "./database";
import type { StoreDialect } from "./open-database";
import type { StoredArticle } from "./plan-article-upsert";
import { loadTags } from "./tag-queries";

// Up to four bound values per article in the collision lookup.
const LOOKUP_BATCH_SIZE = 150;

/**
 * The stored articles sharing an id, a url, a guid hash or a fingerprint with any incoming row.
 * The SQL is written here, not built by Kysely: its builder costs more than the lookup itself,
 * which finds nothing for most of the rows an ingest brings.
 */
export async function loadCollisions(
  db: Kysely<Database>,
  dialect: StoreDialect,
  incoming: readonly ArticleRow[],
): Promise<StoredArticle[]> {
  const rows = new Map<string, ArticleRow>();
  for (const slice of chunk(incoming, LOOKUP_BATCH_SIZE)) {
    const found = await db.executeQuery<ArticleRow>(collisionQuery(dialect, slice));
    for (const row of found.rows) rows.set(row.id, row);
  }
  const tags = await loadTags(db, [...rows.keys()]);
  return [...rows.values()].map((row) => ({ row, tags: tags.get(row.id) ?? [] }));
}

function collisionQuery(dialect: StoreDialect, rows: readonly ArticleRow[]): CompiledQuery {
  const parameters: unknown[] = [];
  const bind = (value: unknown): string => {
    parameters.push(value);
    return dialect === "sqlite" ? "?" : `$${parameters.length}`;
  };
  const list = (values: readonly unknown[]): string => `(${values.map(bind).join(", ")})`;
  const conditions = [`"id" in ${list(rows.map((r) => r.id))}`];
  conditions.push(`"url" in ${list(rows.map((r) => r.url))}`);
  // A guid names an article only within its source: matching on (source_id, guid_hash) lets the
  // unique index serve the lookup instead of a scan of every article.
  for (const [sourceId, hashes] of guidHashesBySource(rows)) {
    conditions.push(`("source_id" = ${bind(sourceId)} and "guid_hash" in ${list(hashes)})`);
  }
  // The same story reached by another route, under another url, shares its headline's fingerprint.
  const fingerprints = rows.map((r) => r.fingerprint).filter((f): f is string => f !== null);
  if (fingerprints.length > 0) conditions.push(`"fingerprint" in ${list(fingerprints)}`);
  return CompiledQuery.raw(`select * from "articles" where ${conditions.join(" or ")}`, parameters);
}

function guidHashesBySource(rows: readonly ArticleRow[]): Map<string, string[]> {
  const bySource = new Map<string, string[]>();
  for (const r of rows) {
    if (r.guid_hash === null) continue;
    const hashes = bySource.get(r.source_id);
    if (hashes === undefined) bySource.set(r.source_id, [r.guid_hash]);
    else hashes.push(r.guid_hash);
  }
  return bySource;
}
