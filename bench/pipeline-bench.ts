import { join } from "node:path";
import Parser from "rss-parser";
import { parseDocument } from "../src/ingest/parse-document";
import { createStore } from "../src/store/create-store";
import type { Store } from "../src/store/store";
import type { CorpusFeed } from "./corpus";
import { measureRounds, msSince, type Rounds } from "./measure";

/** The URL a corpus feed claims to live at; relative links resolve against its site. */
export function feedUrl(feed: CorpusFeed): string {
  return `https://${feed.host}/feed/${feed.format}`;
}

/** The id of the source that publishes corpus feed `index` (or copy `index` in the HTTP bench). */
export function sourceId(index: number): string {
  return `bench-${String(index).padStart(4, "0")}`;
}

/** Baseline: rss-parser's `parseString` over every XML feed and `JSON.parse` over JSON Feeds. */
export async function benchRawParse(
  corpus: readonly CorpusFeed[],
  rounds: number,
): Promise<Rounds> {
  return measureRounds(rounds, async () => {
    const start = process.hrtime.bigint();
    for (const feed of corpus) {
      if (feed.kind === "json") JSON.parse(feed.text);
      else await new Parser().parseString(feed.text);
    }
    return msSince(start);
  });
}

/** The pipeline's rounds, with where the median round's time went. */
export interface PipelineRounds extends Rounds {
  /** Per round: milliseconds in parseDocument and in upsertArticles. */
  split: { parseMs: number; storeMs: number }[];
  articles: number;
}

/**
 * The whole pipeline on the same bytes: parseDocument (detect, parse, normalize, sanitize) and
 * upsertArticles, feed after feed, into a fresh SQLite store per round (sources declared first).
 */
export async function benchPipeline(
  corpus: readonly CorpusFeed[],
  dir: string,
  rounds: number,
): Promise<PipelineRounds> {
  const split: PipelineRounds["split"] = [];
  let articles = 0;
  const result = await measureRounds(rounds, async (i) => {
    const feeds = i < 0 ? warmUpSlice(corpus) : corpus;
    const store = await freshStore(join(dir, `pipeline-${i + 1}.db`), feeds);
    try {
      const r = await ingestCorpus(store, feeds);
      if (i >= 0) split.push(r);
      if (i >= 0) articles = r.articles;
      return r.parseMs + r.storeMs;
    } finally {
      await store.close();
    }
  });
  return { ...result, split, articles };
}

// Enough feeds of every format to warm the JIT; the whole corpus would only cost time.
function warmUpSlice(corpus: readonly CorpusFeed[]): readonly CorpusFeed[] {
  return corpus.slice(0, Math.max(24, Math.ceil(corpus.length / 5)));
}

async function freshStore(path: string, corpus: readonly CorpusFeed[]): Promise<Store> {
  const store = await createStore(`sqlite:${path}`);
  await store.upsertSources(
    corpus.map((feed) => ({
      id: sourceId(feed.index),
      name: feed.host,
      url: feedUrl(feed),
      kind: feed.kind,
      intervalSeconds: 900,
    })),
  );
  return store;
}

async function ingestCorpus(store: Store, corpus: readonly CorpusFeed[]) {
  let parseMs = 0;
  let storeMs = 0;
  let articles = 0;
  const now = Date.now();
  for (const feed of corpus) {
    const t0 = process.hrtime.bigint();
    const parsed = await parseDocument(feed.text, {
      url: feedUrl(feed),
      sourceId: sourceId(feed.index),
      now,
    });
    parseMs += msSince(t0);
    const t1 = process.hrtime.bigint();
    await store.upsertArticles(parsed.articles);
    storeMs += msSince(t1);
    articles += parsed.articles.length;
  }
  return { parseMs, storeMs, articles };
}
