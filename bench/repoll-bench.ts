import { join } from "node:path";
import type { Source } from "../src/domain/source";
import { createFetcher, type Fetcher, type FetcherOptions } from "../src/fetch/fetch-source";
import type { IngestReport } from "../src/ingest/ingest-report";
import { ingestSource, type IngestDeps } from "../src/ingest/ingest-source";
import { createHostLimiter, runPerHost } from "../src/fetch/host-limiter";
import { createStore } from "../src/store/create-store";
import type { Store } from "../src/store/store";
import type { CorpusFeed } from "./corpus";
import { startFeedServer } from "./feed-server";
import { measureRounds, timed } from "./measure";
import { sourceId } from "./pipeline-bench";

/** Options of the HTTP bench. */
export interface RepollOptions {
  feeds: number;
  concurrency: number;
  rounds: number;
  dir: string;
}

/** One timed pass over every source: its time and what the sources answered. */
export interface Pass {
  ms: number;
  /** How many passes answered each status (`200`, `304`, or a failure kind). */
  statuses: Record<string, number>;
  items: number;
}

/** The HTTP bench's passes: fetch-only and ingestSource, full and conditional. */
export interface RepollResult {
  fetchFull: Pass;
  fetchRepoll: Pass;
  ingestFull: Pass;
  ingestRepoll: Pass;
}

// The feed server is on loopback, which the SSRF guard refuses unless told otherwise.
const fetcherOptions: FetcherOptions = {
  timeoutMs: 30_000,
  maxBytes: 16 * 1024 * 1024,
  userAgent: "newsgate-bench",
  allowPrivateNetworks: true,
};

/**
 * Serves `feeds` feeds (cycling over the corpus) from one local server and polls them all with
 * the real fetcher, `concurrency` at a time: fetch-only and through ingestSource (real store),
 * first in full, then conditionally with the validators the first pass stored.
 */
export async function benchRepoll(
  corpus: readonly CorpusFeed[],
  opts: RepollOptions,
): Promise<RepollResult> {
  const server = await startFeedServer({
    texts: corpus.map((f) => f.text),
    hosts: corpus.map((f) => f.host),
    count: opts.feeds,
  });
  const fetcher = createFetcher(fetcherOptions);
  const store = await createStore(`sqlite:${join(opts.dir, "repoll.db")}`);
  try {
    await declareSources(store, server.url, corpus, opts.feeds);
    const fetchFull = await fetchPass(fetcher, await store.listSources(), opts, false);
    const ingestFull = await ingestPass(store, fetcher, opts.concurrency);
    const fetchRepoll = await bestOf(opts.rounds, () =>
      store.listSources().then((s) => fetchPass(fetcher, s, opts, true)),
    );
    const ingestRepoll = await bestOf(opts.rounds, () =>
      ingestPass(store, fetcher, opts.concurrency),
    );
    return { fetchFull, fetchRepoll, ingestFull, ingestRepoll };
  } finally {
    await fetcher.close();
    await store.close();
    await server.close();
  }
}

async function declareSources(store: Store, url: string, corpus: readonly CorpusFeed[], n: number) {
  await store.upsertSources(
    Array.from({ length: n }, (_, i) => ({
      id: sourceId(i),
      name: `bench feed ${i}`,
      url: `${url}/feed/${i}.xml`,
      kind: corpus[i % corpus.length].kind,
      intervalSeconds: 900,
    })),
  );
}

// The median pass of `rounds` after one warm-up pass.
async function bestOf(rounds: number, pass: () => Promise<Pass>): Promise<Pass> {
  const passes: Pass[] = [];
  const { medianMs } = await measureRounds(rounds, async (i) => {
    const p = await pass();
    if (i >= 0) passes.push(p);
    return p.ms;
  });
  return passes.find((p) => p.ms === medianMs) ?? { ...passes[0], ms: medianMs };
}

/** The fetcher alone: a GET per source (conditional when asked), bodies read and dropped. */
async function fetchPass(
  fetcher: Fetcher,
  sources: Source[],
  opts: RepollOptions,
  conditional: boolean,
): Promise<Pass> {
  const { ms, value } = await timed(() =>
    runPerHost(limiterOf(opts.concurrency), sources, async (s) => {
      const req = { url: s.url, allowFile: false };
      const validators = conditional ? { etag: s.etag, lastModified: s.lastModified } : {};
      return fetcher.fetchSource({ ...req, ...validators }).then(
        (res) => ({ status: String(res.status) }),
        (err: { kind?: string }) => ({ status: err.kind ?? "error" }),
      );
    }),
  );
  return { ms, statuses: tally(value), items: 0 };
}

/** The honest path: ingestSource (fetch, parse, store, record) over every source in the store. */
async function ingestPass(store: Store, fetcher: Fetcher, concurrency: number): Promise<Pass> {
  const deps: IngestDeps = {
    store,
    fetch: fetcher.fetchSource,
    onChanged: async () => undefined,
    now: Date.now,
    log: () => undefined,
  };
  const sources = await store.listSources();
  const { ms, value } = await timed(() =>
    runPerHost(limiterOf(concurrency), sources, (s) => ingestSource(deps, s)),
  );
  return { ms, statuses: tally(value), items: value.reduce((n, r) => n + r.items, 0) };
}

// Every bench feed is served by one local server: the global cap is the only one that matters.
function limiterOf(concurrency: number) {
  return createHostLimiter({ concurrency, hostConcurrency: concurrency });
}

function tally(results: Pick<IngestReport, "status">[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}
