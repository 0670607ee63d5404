import { feedModel, type FeedFormat } from "./feed-model";
import { createRng } from "./prng";
import { renderFeed } from "./render-feed";

/** One generated feed document with what a parser should find in it. */
export interface CorpusFeed {
  index: number;
  /** `news-0042.example.com`: unique per feed, in every URL and guid of the feed. */
  host: string;
  format: FeedFormat;
  /** The source kind newsgate stores for it. */
  kind: "rss" | "atom" | "json";
  text: string;
  /** How many items the document holds. */
  items: number;
  /** UTF-8 size of `text`. */
  bytes: number;
}

/** What to generate. */
export interface CorpusOptions {
  seed?: number;
  feeds?: number;
}

/** The seed the bench and its test use unless told otherwise. */
export const DEFAULT_SEED = 20260115;
/** How many feeds the bench generates by default. */
export const DEFAULT_FEEDS = 240;

const KINDS: Record<FeedFormat, CorpusFeed["kind"]> = {
  rss2: "rss",
  rss1: "rss",
  atom: "atom",
  json: "json",
};

/** Returns the corpus: the same seed and count always give byte-identical feeds. */
export function generateCorpus(opts: CorpusOptions = {}): CorpusFeed[] {
  const seed = opts.seed ?? DEFAULT_SEED;
  return Array.from({ length: opts.feeds ?? DEFAULT_FEEDS }, (_, index) => {
    // One stream per feed: feed n is the same whatever the corpus size.
    const model = feedModel(createRng(seed + index * 0x9e3779b1), index);
    const text = renderFeed(model);
    return {
      index,
      host: model.host,
      format: model.format,
      kind: KINDS[model.format],
      text,
      items: model.items.length,
      bytes: Buffer.byteLength(text),
    };
  });
}

/** Totals of a corpus: feeds, items and bytes, and feeds per format. */
export function corpusStats(corpus: readonly CorpusFeed[]) {
  const byFormat: Record<string, number> = {};
  for (const feed of corpus) byFormat[feed.format] = (byFormat[feed.format] ?? 0) + 1;
  return {
    feeds: corpus.length,
    items: corpus.reduce((n, f) => n + f.items, 0),
    bytes: corpus.reduce((n, f) => n + f.bytes, 0),
    byFormat,
  };
}
