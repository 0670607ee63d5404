import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { Config } from "../config";
import { createInlineParser, type DocumentParser } from "./document-parser";
import { createParsePool } from "./parse-pool";

// One parse thread per core (at most four) unless PARSE_THREADS says otherwise.
const MAX_AUTO_PARSE_THREADS = 4;

/** The parser ingestion uses: a pool of threads, or this thread when PARSE_THREADS is 0. */
export function createDocumentParser(config: Config): DocumentParser {
  const threads = config.parse.threads ?? Math.min(MAX_AUTO_PARSE_THREADS, availableParallelism());
  if (threads === 0) return createInlineParser();
  // Threads load the compiled module next to this one (dist/src/ingest/parse-worker.js).
  const workerFile = join(__dirname, "parse-worker.js");
  if (!existsSync(workerFile)) {
    throw new Error(
      `PARSE_THREADS: the compiled parse worker is missing at ${workerFile} ` +
        "(run npm run build, or set PARSE_THREADS=0 to parse on the main thread)",
    );
  }
  return createParsePool({ threads, workerFile, maxHeapMb: config.parse.maxHeapMb });
}
