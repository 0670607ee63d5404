import { createReadStream } from "node:fs";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeBody } from "./decode-text";
import { readCapped } from "./fetch-body";
import { FetchError } from "./fetch-error";
import type { FetchResult } from "./fetch-result";

const CONTENT_TYPES: Record<string, string> = {
  ".xml": "application/xml",
  ".rss": "application/rss+xml",
  ".atom": "application/atom+xml",
  ".json": "application/json",
  ".html": "text/html",
  ".htm": "text/html",
};

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "is a directory",
  EACCES: "permission denied",
  ENOTDIR: "not a directory",
};

/** Reads a `file:` URL with the same size cap as HTTP; the content type comes from the extension. */
export async function readFileSource(url: URL, maxBytes: number): Promise<FetchResult> {
  let body: Buffer;
  try {
    const path = fileURLToPath(url);
    body = await readCapped(createReadStream(path), [], maxBytes, url.href);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    const code = (error as { code?: string }).code ?? "";
    const reason = REASONS[code] ?? (error as Error).message;
    throw new FetchError("file", `fetch: cannot read ${url.href}: ${reason}`, url.href, null, {
      cause: error,
    });
  }
  const contentType = CONTENT_TYPES[extname(url.pathname).toLowerCase()] ?? null;
  return {
    status: 200,
    notModified: false,
    // No HTTP charset here: a BOM or the document's own declaration decides, else UTF-8.
    body: decodeBody(body, contentType).text,
    contentType,
    etag: null,
    lastModified: null,
    finalUrl: url.href,
    retryAfterMs: null,
    maxAgeMs: null,
  };
}
