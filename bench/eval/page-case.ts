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
  expectedText?: string;
  snippets?: SnippetCase;
  meta?: ExpectedMeta;
}

/** Returns a saved page's text, decoded by its BOM or `<meta charset>` as the fetcher would. */
export function readPageText(path: string): string {
  return decodeBody(readFileSync(path), null).text;
}
