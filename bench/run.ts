/** `npm run bench`: every benchmark in turn. */
import { runApiBench } from "./api.bench";
import { runClusterBench } from "./cluster.bench";
import { runExtractBench } from "./extract.bench";
import { runIngestBench } from "./ingest.bench";

async function runAll(): Promise<void> {
  await runIngestBench();
  await runExtractBench();
  await runClusterBench();
  await runApiBench();
}

runAll().catch((error: unknown) => {
  console.error("bench failed:", error);
  process.exitCode = 1;
});
