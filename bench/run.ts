/** `npm run bench`: every benchmark in turn (today the ingest bench). */
import { runIngestBench } from "./ingest.bench";

runIngestBench().catch((error: unknown) => {
  console.error("bench failed:", error);
  process.exitCode = 1;
});
