import type { RawFeed } from "../domain/raw-feed";
import type { SourceKind } from "../domain/source";
import { detectFormat } from "./detect-format";
import { FeedParseError } from "./feed-parse-error";
import { parseJsonFeed } from "./parse-json-feed";
import { parseXmlFeed } from "./parse-xml-feed";
import { rootElementName } from "./parse-xml-prolog";

/** Where the document came from; relative xml:base values resolve against it. */
export interface ParseFeedOptions {
  url?: string;
}

/**
 * Returns the RawFeed of an RSS, Atom or JSON Feed document, judged by its content; throws
 * FeedParseError (one-line message) for anything else or for malformed XML or JSON. Pure: it
 * reads no file and makes no request, whatever the document declares.
 */
export async function parseFeed(text: string, opts: ParseFeedOptions = {}): Promise<RawFeed> {
  return parseFeedOfFormat(text, detectFormat(text), opts);
}

/** parseFeed for a document whose format detectFormat has already judged (`kind`). */
export async function parseFeedOfFormat(
  text: string,
  kind: SourceKind | null,
  opts: ParseFeedOptions = {},
): Promise<RawFeed> {
  if (kind === "rss" || kind === "atom") return parseXmlFeed(text, kind, opts.url ?? null);
  if (kind === "json" || /^\ufeff?\s*[{[]/.test(text)) return parseJsonFeed(text);
  throw new FeedParseError(notAFeedMessage(text));
}

/** Returns the one-line reason a document that is neither RSS, Atom nor JSON Feed is not a feed. */
export function notAFeedMessage(text: string): string {
  if (text.trim() === "") return "not a feed: the document is empty";
  const root = rootElementName(text);
  if (root) return `not a feed: the document's root element is <${root}>`;
  if (/^\ufeff?\s*</.test(text)) return "malformed XML: no root element after the prolog";
  return "not a feed: the document is neither XML nor JSON";
}
