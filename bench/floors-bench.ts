import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import sanitizeHtml from "sanitize-html";
import { parseDocument } from "../src/ingest/parse-document";
import { parseFeed } from "../src/ingest/parse-feed";
import { articleToRow } from "../src/store/article-row";
import type { ArticleRow } from "../src/store/database";
import type { CorpusFeed } from "./corpus";
import { measureRounds, msSince, type Rounds } from "./measure";
import { feedUrl, freshStore, sourceId } from "./pipeline-bench";

/**
 * What two parts of the pipeline cost on their own, with nothing of ours around them: the
 * library sanitizing every item's HTML (sanitize-html with the same allowlist, no hooks), and
 * SQLite writing every article row (one prepared INSERT, one transaction per feed, the store's
 * schema). The pipeline cannot run faster than their sum on one thread.
 */
export interface Floors {
  sanitize: Rounds;
  sqlite: Rounds;
}

/** Measures both floors on the corpus. */
export async function benchFloors(
  corpus: readonly CorpusFeed[],
  dir: string,
  rounds: number,
): Promise<Floors> {
  const html = await itemHtml(corpus);
  const sanitize = await measureRounds(rounds, async () => {
    const start = process.hrtime.bigint();
    for (const body of html) sanitizeHtml(body, LIBRARY_ONLY);
    return msSince(start);
  });
  const rows = await articleRows(corpus);
  const sqlite = await measureRounds(rounds, async (i) => {
    const path = join(dir, `floor-${i + 1}.db`);
    await (await freshStore(path, corpus)).close();
    return insertRows(path, rows);
  });
  return { sanitize, sqlite };
}

// The allowlist the sanitizer uses, without its per-tag hook and its own passes.
const LIBRARY_ONLY: sanitizeHtml.IOptions = {
  allowedTags: sanitizeHtml.defaults.allowedTags.concat(["img", "figure", "figcaption"]),
  allowedSchemesByTag: { img: ["http", "https", "data"] },
};

async function itemHtml(corpus: readonly CorpusFeed[]): Promise<string[]> {
  const html: string[] = [];
  for (const feed of corpus) {
    const raw = await parseFeed(feed.text, { url: feedUrl(feed) });
    for (const item of raw.items) if (item.content) html.push(item.content);
  }
  return html;
}

async function articleRows(corpus: readonly CorpusFeed[]): Promise<ArticleRow[][]> {
  const rows: ArticleRow[][] = [];
  for (const feed of corpus) {
    const opts = { url: feedUrl(feed), sourceId: sourceId(feed.index), now: Date.now() };
    rows.push((await parseDocument(feed.text, opts)).articles.map(articleToRow));
  }
  return rows;
}

// The store's pragmas, one prepared statement, one transaction per feed as an ingest writes.
function insertRows(path: string, rows: readonly ArticleRow[][]): number {
  const db = new SqliteDatabase(path);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    const columns = Object.keys(rows.find((r) => r.length > 0)?.[0] ?? {});
    const insert = db.prepare(
      `insert into articles (${columns.join(", ")}) values (${columns.map((c) => `@${c}`).join(", ")}) on conflict do nothing`,
    );
    const writeFeed = db.transaction((feedRows: readonly ArticleRow[]) => {
      for (const row of feedRows) insert.run(row);
    });
    const start = process.hrtime.bigint();
    for (const feedRows of rows) writeFeed(feedRows);
    return msSince(start);
  } finally {
    db.close();
  }
}
