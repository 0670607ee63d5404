import { FeedParseError } from "../feeds/feed-parse-error";
import { type ParsedDocument, parseDocument, type ParseDocumentOptions } from "./parse-document";

/** What the pool sends a parse thread. */
export interface ParseTask {
  text: string;
  opts: ParseDocumentOptions;
}

/**
 * What a parse thread answers. Errors cross the thread boundary as data: a thrown error would
 * arrive as a plain Error, and the ingest loop tells a document that is not a feed (recorded as
 * a parse failure) from a bug by its class.
 */
export type ParseTaskResult =
  { ok: true; document: ParsedDocument } | { ok: false; notAFeed: boolean; message: string };

/** The thread's entry point (piscina calls it by name). */
export async function parseTask(task: ParseTask): Promise<ParseTaskResult> {
  try {
    return { ok: true, document: await parseDocument(task.text, task.opts) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, notAFeed: error instanceof FeedParseError, message };
  }
}
