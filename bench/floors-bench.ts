import { join } from "node:path";
import SqliteDatabase, { type Database as SqliteConnection, type Statement } from "better-sqlite3";
import sanitizeHtml from "sanitize-html";
import { SaxesParser } from "saxes";
import { SANITIZE_ALLOWLIST } from "../src/domain/sanitize-content";
import { parseDocument } from "../src/ingest/parse-document";
import { parseFeed } from "../src/feeds/parse-feed";
import { readXmlTree } from "../src/feeds/read-xml-tree";
import { articleToRow, uniqueTags } from "../src/store/article-row";
import type { ArticleRow } from "../src/store/database";
import type { CorpusFeed } from "./corpus";
import { msSince } from "./measure";
import { feedUrl, freshStore, sourceId } from "./pipeline-bench";

/** One timed round: `i` is -1 for the warm-up; returns the milliseconds it measured itself. */
export type Round = (i: number) => Promise<number>;

/**
 * What the parts of the one-thread pipeline cost on their own, on the same inputs, with nothing
 * of ours around them: reading every document (our saxes reader; JSON.parse for JSON Feeds),
 * sanitize-html on every item's HTML with the same allowlist but no hooks, and SQLite writing
 * every row the pipeline writes (articles, tags, article_tags) with prepared multi-row inserts,
 * one transaction per feed, the store's schema and connection settings. The pipeline cannot run
 * faster than their sum on one thread. `saxes` is context, not a floor: the library under our
 * reader, without the tree it builds.
 */
export interface FloorRounds {
  reading: Round;
  saxes: Round;
  sanitize: Round;
  sqlite: Round;
}

/** Prepares the floors' inputs from the corpus (untimed) and returns their rounds. */
export async function floorRounds(
  corpus: readonly CorpusFeed[],
  dir: string,
): Promise<FloorRounds> {
  const xml = corpus.filter((feed) => feed.kind !== "json").map((feed) => feed.text);
  const json = corpus.filter((feed) => feed.kind === "json").map((feed) => feed.text);
  const html = await itemHtml(corpus);
  const rows = await feedRows(corpus);
  return {
    reading: async () =>
      timeSync(() => {
        for (const text of xml) readXmlTree(text);
        for (const text of json) JSON.parse(text);
      }),
    saxes: async () => timeSync(() => xml.forEach(readWithSaxes)),
    sanitize: async () =>
      timeSync(() => {
        for (const body of html) sanitizeHtml(body, SANITIZE_ALLOWLIST);
      }),
    sqlite: async (i) => {
      const path = join(dir, `floor-${i + 1}.db`);
      await (await freshStore(path, corpus)).close();
      return insertRows(path, rows);
    },
  };
}

function timeSync(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return msSince(start);
}

// The events our reader listens to, each to an empty handler.
function readWithSaxes(text: string): void {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const ignore = () => undefined;
  parser.on("opentag", ignore);
  parser.on("closetag", ignore);
  parser.on("text", ignore);
  parser.on("cdata", ignore);
  parser.on("error", ignore);
  parser.write(text).close();
}

async function itemHtml(corpus: readonly CorpusFeed[]): Promise<string[]> {
  const html: string[] = [];
  for (const feed of corpus) {
    const raw = await parseFeed(feed.text, { url: feedUrl(feed) });
    for (const item of raw.items) if (item.content) html.push(item.content);
  }
  return html;
}

type Row = Record<string, unknown>;

/** The rows one feed's upsert writes into a fresh store. */
interface FeedRows {
  articles: ArticleRow[];
  tags: Row[];
  articleTags: Row[];
}

async function feedRows(corpus: readonly CorpusFeed[]): Promise<FeedRows[]> {
  const feeds: FeedRows[] = [];
  for (const feed of corpus) {
    const opts = { url: feedUrl(feed), sourceId: sourceId(feed.index), now: Date.now() };
    const { articles } = await parseDocument(feed.text, opts);
    const tagged = articles.map((a) => ({ id: a.id, tags: uniqueTags(a.tags) }));
    const names = new Map(tagged.flatMap((a) => a.tags.map((t) => [t.slug, t.name] as const)));
    feeds.push({
      articles: articles.map(articleToRow),
      tags: [...names].map(([slug, name]) => ({ slug, name })),
      articleTags: tagged.flatMap((a) =>
        a.tags.map((t, position) => ({
          article_id: a.id,
          slug: t.slug,
          origin: t.origin,
          position,
        })),
      ),
    });
  }
  return feeds;
}

// Rows per statement: multi-row inserts are SQLite's fastest bare path (fewer statement runs).
const ARTICLES_PER_STATEMENT = 40;
const TAG_ROWS_PER_STATEMENT = 200;

// The store's connection settings (see open-database), one transaction per feed.
function insertRows(path: string, feeds: readonly FeedRows[]): number {
  const db = new SqliteDatabase(path);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    const articles = batchInsert(db, "articles", Object.keys(feeds[0].articles[0]), {
      perStatement: ARTICLES_PER_STATEMENT,
      onConflict: "on conflict do nothing",
    });
    const tags = batchInsert(db, "tags", ["slug", "name"], {
      perStatement: TAG_ROWS_PER_STATEMENT,
      onConflict: "on conflict (slug) do nothing",
    });
    const links = batchInsert(db, "article_tags", ["article_id", "slug", "origin", "position"], {
      perStatement: TAG_ROWS_PER_STATEMENT,
      onConflict: "",
    });
    const writeFeed = db.transaction((feed: FeedRows) => {
      articles(feed.articles);
      tags(feed.tags);
      links(feed.articleTags);
    });
    const start = process.hrtime.bigint();
    for (const feed of feeds) writeFeed(feed);
    return msSince(start);
  } finally {
    db.close();
  }
}

// Inserts rows `perStatement` at a time, each statement prepared once per row count.
function batchInsert(
  db: SqliteConnection,
  table: string,
  columns: readonly string[],
  opts: { perStatement: number; onConflict: string },
): (rows: readonly Row[]) => void {
  const statements = new Map<number, Statement>();
  const statement = (count: number): Statement => {
    const cached = statements.get(count);
    if (cached !== undefined) return cached;
    const row = `(${columns.map(() => "?").join(", ")})`;
    const values = Array.from({ length: count }, () => row).join(", ");
    const prepared = db.prepare(
      `insert into ${table} (${columns.join(", ")}) values ${values} ${opts.onConflict}`,
    );
    statements.set(count, prepared);
    return prepared;
  };
  return (rows) => {
    for (let start = 0; start < rows.length; start += opts.perStatement) {
      const slice = rows.slice(start, start + opts.perStatement);
      const values: unknown[] = [];
      for (const row of slice) for (const column of columns) values.push(row[column]);
      statement(slice.length).run(values);
    }
  };
}
