import { type ParsedDocument, parseDocument, type ParseDocumentOptions } from "./parse-document";

/** Turns fetched text into a feed and articles, on this thread or another. */
export interface DocumentParser {
  parse(text: string, opts: ParseDocumentOptions): Promise<ParsedDocument>;
  /** Stops any threads; parses under way finish first. */
  close(): Promise<void>;
}

/** A parser on the calling thread (tests, one-off commands, `PARSE_THREADS=0`). */
export function createInlineParser(): DocumentParser {
  return {
    parse: (text, opts) => parseDocument(text, opts),
    close: async () => undefined,
  };
}
