import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createInlineParser, type DocumentParser } from "../src/ingest/document-parser";
import { createParsePool } from "../src/ingest/parse-pool";
import { corpusStats, DEFAULT_FEEDS, generateCorpus, type CorpusFeed } from "./corpus";
import { measureInterleaved, median, perSecond, type Rounds, timed } from "./measure";
import { floorRounds } from "./floors-bench";
import { benchPipeline, benchRawParse, pipelineRounds } from "./pipeline-bench";
import { benchRepoll, type Pass } from "./repoll-bench";
import { megabytes, num, printAtMost, printRatio, printTable, statuses } from "./report";

/** Knobs of the ingest bench; the defaults keep a run under two minutes on two cores. */
export interface IngestBenchOptions {
  corpusFeeds: number;
  rounds: number;
  httpFeeds: number;
  concurrency: number;
  /** Parse threads for the pooled pipeline (the service's default: one per core, at most 4). */
  parseThreads: number;
}

const DEFAULTS: IngestBenchOptions = {
  corpusFeeds: DEFAULT_FEEDS,
  rounds: 3,
  httpFeeds: 1000,
  concurrency: 16,
  parseThreads: Math.min(4, availableParallelism()),
};

/** Runs the ingest benchmarks and prints the table and the ratios against their targets. */
export async function runIngestBench(options: Partial<IngestBenchOptions> = {}): Promise<void> {
  const opts = { ...DEFAULTS, ...options };
  const dir = mkdtempSync(join(tmpdir(), "newsgate-bench-"));
  try {
    printLoad("start");
    const corpus = await printCorpus(opts.corpusFeeds);
    await pipelineSection(corpus, dir, opts);
    await repollSection(corpus, dir, opts);
    printLoad("end");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Other work on the machine skews absolute numbers; the ratios are measured side by side.
function printLoad(when: string): void {
  const load = loadavg().map((l) => num(l, 2));
  console.log(
    `\nload average at ${when}: ${load.join(" ")} on ${cpus().length} CPUs (${process.version})`,
  );
}

async function printCorpus(feeds: number): Promise<CorpusFeed[]> {
  const { ms, value: corpus } = await timed(async () => generateCorpus({ feeds }));
  const s = corpusStats(corpus);
  const formats = Object.entries(s.byFormat).map(([f, n]) => `${f} ${n}`);
  console.log(`\n== corpus (seeded, generated in ${num(ms)} ms)`);
  console.log(
    `${s.feeds} feeds (${formats.join(", ")}), ${num(s.items)} items, ${megabytes(s.bytes)}`,
  );
  return corpus;
}

async function pipelineSection(
  corpus: CorpusFeed[],
  dir: string,
  opts: IngestBenchOptions,
): Promise<void> {
  const single = await floorsSection(corpus, dir, opts.rounds);
  const items = corpusStats(corpus).items;
  const { rounds, parseThreads } = opts;
  console.log(
    `\n== parse: pipeline vs raw parse, same bytes (median of ${rounds} after a warm-up)`,
  );
  const raw = await benchRawParse(corpus, rounds);
  const pool = createParsePool({ threads: parseThreads, workerFile: WORKER_FILE, maxHeapMb: 512 });
  const pooled = await withParser(pool, (parser) =>
    benchPipeline(corpus, dir, rounds, { parser, inFlight: parseThreads * 2 }),
  );
  printTable([
    ["measurement", "median ms", "items/s", "rounds ms"],
    ["raw parse (rss-parser / JSON.parse)", ...rateRow(items, raw.medianMs, raw.ms)],
    ["pipeline, one thread (from above)", ...rateRow(items, single.medianMs, single.ms)],
    [`pipeline, ${parseThreads} parse threads`, ...rateRow(items, pooled.medianMs, pooled.ms)],
  ]);
  warnIfShort(pooled.articles, items);
  printRatio("ratio pipeline/raw, one thread (items/s)", raw.medianMs / single.medianMs, null);
  printRatio(
    `ratio pipeline/raw, ${parseThreads} parse threads as the service runs (items/s)`,
    raw.medianMs / pooled.medianMs,
    0.5,
  );
}

// The most the one-thread pipeline may take, as a multiple of the sum of its floors.
const FLOOR_RATIO_TARGET = 1.3;

/**
 * The one-thread pipeline (PARSE_THREADS=0) against the floors of its parts, measured in turns
 * on the same inputs; prints each, their sum, and the ratio against its target.
 */
async function floorsSection(corpus: CorpusFeed[], dir: string, rounds: number) {
  const items = corpusStats(corpus).items;
  console.log(
    `\n== one thread vs the sum of its floors, same inputs (median of ${rounds} after a warm-up, rounds in turns)`,
  );
  const floors = await floorRounds(corpus, dir);
  const parser = createInlineParser();
  const pipeline = pipelineRounds(corpus, dir, { parser, inFlight: 1 });
  const r = await measureInterleaved(rounds, { ...floors, pipeline: pipeline.round });
  await parser.close();
  const sum = r.reading.medianMs + r.sanitize.medianMs + r.sqlite.medianMs;
  const row = (label: string, m: Rounds) => [label, ...rateRow(items, m.medianMs, m.ms)];
  const part = (label: string, ms: number) => [label, num(ms), "", ""];
  printTable([
    ["measurement", "median ms", "items/s", "rounds ms"],
    row("floor: XML reading, our saxes reader (JSON.parse for JSON)", r.reading),
    part("  of which saxes itself, no tree (context)", r.saxes.medianMs),
    row("floor: sanitize-html alone, same allowlist, items' HTML", r.sanitize),
    row("floor: bare SQLite inserts of the same rows, prepared", r.sqlite),
    ["sum of the three floors", ...rateRow(items, sum, [])],
    row("pipeline, one thread (PARSE_THREADS=0: parse + upsert)", r.pipeline),
    part("  of which parse", median(pipeline.split.map((s) => s.parseMs))),
    part("  of which store.upsertArticles", median(pipeline.split.map((s) => s.storeMs))),
  ]);
  warnIfShort(pipeline.articles(), items);
  printAtMost("ratio pipeline/sum of floors, one thread", r.pipeline.medianMs / sum, {
    max: FLOOR_RATIO_TARGET,
    strict: false,
    unit: "x",
    digits: 2,
  });
  return r.pipeline;
}

function warnIfShort(articles: number, items: number): void {
  if (articles !== items) console.log(`WARNING: ${articles} articles from ${items} items`);
}

// The bench runs compiled (dist/bench); the worker module sits in dist/src/ingest.
const WORKER_FILE = join(__dirname, "..", "src", "ingest", "parse-worker.js");

async function withParser<T>(parser: DocumentParser, run: (p: DocumentParser) => Promise<T>) {
  try {
    return await run(parser);
  } finally {
    await parser.close();
  }
}

function rateRow(count: number, medianMs: number, rounds: number[]): string[] {
  return [num(medianMs), num(perSecond(count, medianMs)), rounds.map((ms) => num(ms)).join(" / ")];
}

async function repollSection(corpus: CorpusFeed[], dir: string, opts: IngestBenchOptions) {
  const n = opts.httpFeeds;
  console.log(`\n== HTTP: ${n} feeds from one 127.0.0.1 server, concurrency ${opts.concurrency}`);
  const r = await benchRepoll(corpus, {
    feeds: n,
    concurrency: opts.concurrency,
    rounds: opts.rounds,
    dir,
  });
  const row = (label: string, p: Pass) => [
    label,
    num(p.ms),
    num(perSecond(n, p.ms), 1),
    statuses(p.statuses),
  ];
  printTable([
    ["pass", "ms", "feeds/s", "answers"],
    row("full: fetch only", r.fetchFull),
    row("full: ingestSource (fetch+parse+store)", r.ingestFull),
    row("re-poll: fetch only (conditional)", r.fetchRepoll),
    row("re-poll: ingestSource (conditional)", r.ingestRepoll),
  ]);
  console.log(`items stored by the full ingest: ${num(r.ingestFull.items)}`);
  printRatio(
    "ratio re-poll/full per feed (ingestSource)",
    r.ingestFull.ms / r.ingestRepoll.ms,
    10,
    "x",
  );
  printRatio(
    "ratio re-poll/full per feed (fetch only)",
    r.fetchFull.ms / r.fetchRepoll.ms,
    null,
    "x",
  );
}

/** Reads `--corpus-feeds N --rounds N --http-feeds N --concurrency N --parse-threads N` (all optional). */
export function optionsFromArgs(args: string[]): Partial<IngestBenchOptions> {
  const names = ["corpus-feeds", "rounds", "http-feeds", "concurrency", "parse-threads"] as const;
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(names.map((n) => [n, { type: "string" as const }])),
  });
  const int = (name: string) => (values[name] === undefined ? undefined : Number(values[name]));
  const opts = {
    corpusFeeds: int("corpus-feeds"),
    rounds: int("rounds"),
    httpFeeds: int("http-feeds"),
    concurrency: int("concurrency"),
    parseThreads: int("parse-threads"),
  };
  return Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
}

if (require.main === module) {
  runIngestBench(optionsFromArgs(process.argv.slice(2))).catch((error: unknown) => {
    console.error("bench failed:", error);
    process.exitCode = 1;
  });
}
