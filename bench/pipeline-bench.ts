import { join } from "node:path";
import Parser from "rss-parser";
import type { DocumentParser } from "../src/ingest/document-parser";
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
  /** Per round: milliseconds spent waiting for parses and in upsertArticles (single-file only). */
  split: { parseMs: number; storeMs: number }[];
  articles: number;
}

/** How the pipeline runs: which parser, and how many feeds may be in flight at once. */
export interface PipelineSetup {
  parser: DocumentParser;
  /** 1: one feed after another; more: parses overlap each other and the store's writes. */
  inFlight: number;
}

/**
 * The whole pipeline on the same bytes: parse (detect, parse, normalize, sanitize) and
 * upsertArticles, into a fresh SQLite store per round (sources declared first), as the ingest
 * loop runs it: with one feed in flight, feed after feed; with more, the parses run on the
 * parser's threads while this thread writes what is parsed.
 */
export async function benchPipeline(
  corpus: readonly CorpusFeed[],
  dir: string,
  rounds: number,
  setup: PipelineSetup,
): Promise<PipelineRounds> {
  const pipeline = pipelineRounds(corpus, dir, setup);
  const result = await measureRounds(rounds, pipeline.round);
  return { ...result, split: pipeline.split, articles: pipeline.articles() };
}

/** The pipeline as one round at a time (see benchPipeline), for measuring among others. */
export function pipelineRounds(corpus: readonly CorpusFeed[], dir: string, setup: PipelineSetup) {
  const split: PipelineRounds["split"] = [];
  let articles = 0;
  const round = async (i: number): Promise<number> => {
    const feeds = i < 0 ? warmUpSlice(corpus) : corpus;
    const store = await freshStore(join(dir, `pipeline-${setup.inFlight}-${i + 1}.db`), feeds);
    try {
      const start = process.hrtime.bigint();
      const r = await ingestCorpus(store, feeds, setup);
      const ms = msSince(start);
      if (i >= 0) split.push(r);
      if (i >= 0) articles = r.articles;
      return ms;
    } finally {
      await store.close();
    }
  };
  return { round, split, articles: () => articles };
}

// Enough feeds of every format to warm the JIT (and start the threads); the whole corpus would
// only cost time.
function warmUpSlice(corpus: readonly CorpusFeed[]): readonly CorpusFeed[] {
  return corpus.slice(0, Math.max(24, Math.ceil(corpus.length / 5)));
}

/** A new SQLite store at `path` with every corpus feed's source declared. */
export async function freshStore(path: string, corpus: readonly CorpusFeed[]): Promise<Store> {
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

async function ingestCorpus(store: Store, corpus: readonly CorpusFeed[], setup: PipelineSetup) {
  const totals = { parseMs: 0, storeMs: 0, articles: 0 };
  const now = Date.now();
  let next = 0;
  const lane = async () => {
    for (let feed = corpus[next++]; feed !== undefined; feed = corpus[next++]) {
      const t0 = process.hrtime.bigint();
      const parsed = await setup.parser.parse(feed.text, {
        url: feedUrl(feed),
        sourceId: sourceId(feed.index),
        now,
      });
      totals.parseMs += msSince(t0);
      const t1 = process.hrtime.bigint();
      await store.upsertArticles(parsed.articles);
      totals.storeMs += msSince(t1);
      totals.articles += parsed.articles.length;
    }
  };
  await Promise.all(Array.from({ length: setup.inFlight }, lane));
  return totals;
}
