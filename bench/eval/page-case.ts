import { readFileSync } from "node:fs";
import { decodeBody } from "../../src/fetch/decode-text";
import type { SnippetCase } from "./snippet-score";

/** Expected page metadata; an absent or null field is not scored. */
export interface ExpectedMeta {
  title?: string | null;
  author?: string | null;
  published?: string | null;
  imageUrl?: string | null;
}

/** One page of a suite, with what it must give: story text, trafilatura snippets, metadata. */
export interface PageCase {
  suite: string;
  name: string;
  url: string;
  /** The saved page (read when scored, so a suite of a thousand pages is not held at once). */
  path: string;
  /** The saved page's charset when the suite says so (its `<meta charset>` may be stale). */
  charset?: string;
  expectedText?: string;
  snippets?: SnippetCase;
  meta?: ExpectedMeta;
}

/**
 * Returns a saved page's text, decoded by the given charset, else by its BOM or `<meta charset>`
 * as the fetcher would.
 */
export function readPageText(path: string, charset?: string): string {
  return decodeBody(readFileSync(path), charset ? `text/html; charset=${charset}` : null).text;
}
