/** `npm run bench`: every benchmark in turn. */
import { runClusterBench } from "./cluster.bench";
import { runExtractBench } from "./extract.bench";
import { runIngestBench } from "./ingest.bench";

async function runAll(): Promise<void> {
  await runIngestBench();
  await runExtractBench();
  await runClusterBench();
}

runAll().catch((error: unknown) => {
  console.error("bench failed:", error);
  process.exitCode = 1;
});
