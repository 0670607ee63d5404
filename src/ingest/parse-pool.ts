import { Piscina } from "piscina";
import type { DocumentParser } from "./document-parser";
import { FeedParseError } from "../feeds/feed-parse-error";
import type { ParseTask, ParseTaskResult } from "./parse-worker";

/** How to run parse threads. */
export interface ParsePoolOptions {
  /** Most threads; they start on demand and stop after `idleMs` without work. */
  threads: number;
  /** The compiled parse-worker module (a `.js` file: threads do not read TypeScript). */
  workerFile: string;
  /** The most heap one thread may use; a document needing more fails alone. */
  maxHeapMb: number;
  idleMs?: number;
}

const DEFAULT_IDLE_MS = 30_000;

/**
 * Parses on a pool of worker threads, so reading and sanitizing large documents uses every core
 * and never holds up the thread that answers GraphQL. A document that exhausts a thread's heap
 * costs that thread only: the parse fails as not readable, and the pool starts a new thread.
 */
export function createParsePool(opts: ParsePoolOptions): DocumentParser {
  const pool = new Piscina<ParseTask, ParseTaskResult>({
    filename: opts.workerFile,
    name: "parseTask",
    minThreads: 0,
    maxThreads: opts.threads,
    idleTimeout: opts.idleMs ?? DEFAULT_IDLE_MS,
    resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb },
  });
  return {
    async parse(text, parseOpts) {
      let result: ParseTaskResult;
      try {
        result = await pool.run({ text, opts: parseOpts });
      } catch (error) {
        throw threadFailure(error, opts.maxHeapMb);
      }
      if (result.ok) return result.document;
      throw result.notAFeed ? new FeedParseError(result.message) : new Error(result.message);
    },
    close: () => pool.close(),
  };
}

// A thread that ran out of heap was stopped by Node; the document is what was too big.
function threadFailure(error: unknown, maxHeapMb: number): Error {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY") {
    return new FeedParseError(`the document needs more than ${maxHeapMb} MB of memory to read`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
