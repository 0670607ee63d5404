/**
 * `npm run bench:cluster`: what clustering costs one ingest, the way the service runs it:
 * twenty new reports compared with the 5,000 stored in their 48-hour window, with the stored
 * reports' features computed afresh (no cache) and served by the process-wide cache.
 */
import { type ClusterCandidate, planClusters } from "../src/domain/story-similarity";
import { createStoryFeatureCache } from "../src/ingest/story-feature-cache";
import { measureRounds, msSince } from "./measure";
import { createRng, type Rng } from "./prng";
import { num, printRatio, printTable } from "./report";
import { headline, textBetween } from "./words";

const STORED = 5000;
const INCOMING = 20;
const ROUNDS = 15;
const HOUR = 3600_000;

function candidate(rng: Rng, id: string, sourceId: string, publishedAt: number): ClusterCandidate {
  return {
    id,
    sourceId,
    title: headline(rng),
    text: textBetween(rng, 120, 400),
    publishedAt,
    clusterId: null,
  };
}

/** Prints the per-ingest cost of clustering, cold and with the feature cache. */
export async function runClusterBench(): Promise<void> {
  const rng = createRng(20261128);
  const now = Date.UTC(2026, 10, 28);
  const stored = Array.from({ length: STORED }, (_, i) =>
    candidate(rng, `s${i}`, `source-${i % 50}`, now - (i / STORED) * 48 * HOUR),
  );
  const batch = (round: number) =>
    Array.from({ length: INCOMING }, (_, i) => candidate(rng, `n${round}-${i}`, "incoming", now));
  const cold = await measureRounds(ROUNDS, async (round) => {
    const incoming = batch(round);
    const start = process.hrtime.bigint();
    planClusters(incoming, stored);
    return msSince(start);
  });
  const cache = createStoryFeatureCache();
  const warm = await measureRounds(ROUNDS, async (round) => {
    const incoming = batch(round);
    const start = process.hrtime.bigint();
    planClusters(incoming, stored, cache);
    return msSince(start);
  });
  console.log(
    `\n== cluster: ${INCOMING} new reports against ${num(STORED)} stored (median of ${ROUNDS})`,
  );
  printTable([
    ["features", "ms per ingest"],
    ["computed per ingest", num(cold.medianMs, 1)],
    ["process cache (the service)", num(warm.medianMs, 1)],
  ]);
  printRatio("ratio cold/cached (speed-up of the cache)", cold.medianMs / warm.medianMs, null, "x");
}

if (require.main === module) {
  runClusterBench().catch((error: unknown) => {
    console.error("bench failed:", error);
    process.exitCode = 1;
  });
}
