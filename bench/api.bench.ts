/**
 * `npm run bench:api`: the GraphQL API under load, against bare graphql-js and Apollo with
 * type-graphql serving the same query and reply shape from memory, all measured in one run.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { num } from "./report";
import { measureCachedKeyBytes, type CachedKeyBytes } from "./api/cached-key-bytes";
import { defaultChildScript } from "./api/child-script";
import { type Cleanup, cleanUpOnInterrupt, createCleanup } from "./api/cleanup";
import { type ColdSample, measureCold } from "./api/cold-run";
import { countCorpusFigures, type CorpusFigures } from "./api/corpus-figures";
import { corpusSpec } from "./api/corpus-spec";
import { estimateSeconds } from "./api/estimate";
import { generateNewsCorpus, type NewsCorpus } from "./api/news-corpus";
import { type ApiBenchOptions, defaultOptions, parseApiBenchArgs } from "./api/options";
import { printCorpus, printMachine } from "./api/print-setup";
import { printResults, resultRows } from "./api/results-table";
import { countRuns, runMatrix } from "./api/run-matrix";
import type { RunSample } from "./api/run-sample";
import { type RunningTarget, startTargets } from "./api/start-targets";
import { type Summary, summarize } from "./api/summarize";
import { TARGETS } from "./api/targets";
import { printVerdicts } from "./api/verdicts";
import { generateViews } from "./api/view-seeds";
import { createWorkloads, type Workload } from "./api/workloads";

/** What a run measured, for callers that look at it (the smoke test). */
export interface ApiBenchResult {
  samples: RunSample[];
  summaries: Summary[];
  /** The printed results table, header first. */
  rows: string[][];
  colds: ColdSample[];
  keyBytes: CachedKeyBytes[];
  /** Every process the run started (children and redis-servers); all stopped by now. */
  processes: { label: string; pid: number }[];
}

const STORY_IDS = 32;
const COLD_SECONDS = 2;

/** Runs the API bench and prints the table and the verdicts; everything it starts is stopped. */
export async function runApiBench(options: Partial<ApiBenchOptions> = {}): Promise<ApiBenchResult> {
  const opts = {
    ...defaultOptions(process.env.TEST_DATABASE_URL || null, defaultChildScript()),
    ...options,
  };
  const cleanup = createCleanup(opts.print);
  const unhook = cleanUpOnInterrupt(cleanup, opts.print);
  try {
    return await runWith(opts, cleanup);
  } finally {
    await cleanup.run();
    unhook();
  }
}

async function runWith(opts: ApiBenchOptions, cleanup: Cleanup): Promise<ApiBenchResult> {
  const { print } = opts;
  printMachine("start", print);
  const defs = TARGETS.filter((t) => opts.targets.includes(t.key));
  const started = Date.now();
  const { corpus, figures } = makeCorpus(opts);
  const workloads = createWorkloads(workloadInputs(corpus, figures)).filter((w) =>
    opts.workloads.includes(w.key),
  );
  printEstimate(
    opts,
    defs.map((def) => ({ def })),
    workloads,
  );
  const workDir = await mkdtemp(join(tmpdir(), "newsgate-api-bench-"));
  cleanup.add("remove the temp dir", () => rm(workDir, { recursive: true, force: true }));
  print("\n== starting targets (each server in its own process)");
  const targets = await startTargets(defs, { ...opts, corpus, workDir, cleanup });
  print(`\n== runs (${opts.seconds} s each, targets interleaved within each round)`);
  const samples = await runMatrix(targets, workloads, opts, print);
  const keyBytes = await measureCachedKeyBytes(targets);
  const colds = await runColds(targets, workloads, opts);
  const summaries = summarize(samples);
  const rows = resultRows(
    summaries,
    workloads.filter((w) => w.baseline).map((w) => w.key),
  );
  printResults(rows, opts.rounds, print);
  printVerdicts({ summaries, colds, keyBytes, concurrency: opts.concurrency }, print);
  print(`\nwhole run: ${num((Date.now() - started) / 1000)} s`);
  printMachine("end", print);
  const processes = targets.flatMap((t) => t.pids);
  return { samples, summaries, rows, colds, keyBytes, processes };
}

function makeCorpus(opts: ApiBenchOptions): { corpus: NewsCorpus; figures: CorpusFigures } {
  const start = Date.now();
  const spec = corpusSpec(opts.corpus);
  const corpus = generateNewsCorpus(spec, start);
  const figures = countCorpusFigures(corpus, generateViews(spec, start));
  printCorpus(spec, figures, Date.now() - start, opts.print);
  return { corpus, figures };
}

function workloadInputs(corpus: NewsCorpus, figures: CorpusFigures) {
  const stories = corpus.articles.filter((a) => a.contentHtml !== null);
  const step = Math.max(1, Math.floor(stories.length / STORY_IDS));
  return {
    storyIds: stories
      .filter((_, i) => i % step === 0)
      .slice(0, STORY_IDS)
      .map((a) => a.id),
    rareWord: corpus.spec.rareWord,
    commonWord: corpus.spec.commonWord,
    rareArticles: figures.rareArticles,
    commonArticles: figures.commonArticles,
  };
}

function printEstimate(
  opts: ApiBenchOptions,
  targets: { def: RunningTarget["def"] }[],
  workloads: Workload[],
): void {
  const { runs, warmups } = countRuns(targets, workloads, opts);
  const colds = canRunCold(workloads) ? targets.filter((t) => t.def.kind === "gateway").length : 0;
  const seconds = estimateSeconds({
    runs,
    warmups,
    seconds: opts.seconds,
    warmupSeconds: opts.warmupSeconds,
    colds,
    coldSeconds: Math.min(COLD_SECONDS, opts.seconds),
    corpus: opts.corpus,
    targets: targets.length,
    postgres: targets.some((t) => t.def.store === "postgres"),
  });
  opts.print(
    `\n${plural(runs, "run")} of ${opts.seconds} s (${plural(opts.rounds, "round")}, ` +
      `c=${opts.concurrency.join(",")}) over ${plural(targets.length, "target")} and ` +
      `${plural(workloads.length, "workload")}, ${plural(colds, "cold run")}: ` +
      `about ${num(seconds / 60, 1)} min`,
  );
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function canRunCold(workloads: readonly Workload[]): boolean {
  return workloads.some((w) => w.key === "headlines-50");
}

// After the warm runs (and after Redis was sampled: a flush empties it).
async function runColds(
  targets: readonly RunningTarget[],
  workloads: readonly Workload[],
  opts: ApiBenchOptions,
): Promise<ColdSample[]> {
  const workload = workloads.find((w) => w.key === "headlines-50");
  if (!workload) return [];
  const colds: ColdSample[] = [];
  const connections = opts.concurrency[0];
  const seconds = Math.min(COLD_SECONDS, opts.seconds);
  for (const target of targets.filter((t) => t.def.kind === "gateway")) {
    colds.push(await measureCold(target, workload, { connections, seconds }));
  }
  return colds;
}

if (require.main === module) {
  const defaults = defaultOptions(process.env.TEST_DATABASE_URL || null, defaultChildScript());
  Promise.resolve()
    .then(() => runApiBench(parseApiBenchArgs(process.argv.slice(2), defaults)))
    .catch((error: unknown) => {
      console.error("bench failed:", error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
