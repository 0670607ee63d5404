import type { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress, createGunzip } from "node:zlib";
import { FetchError, describeUrl, formatBytes } from "./fetch-error";
import { createInflateAny } from "./inflate-any";

/** Returns the error for a body over the cap, shared by HTTP and file reads. */
export function tooLargeError(url: string, maxBytes: number): FetchError {
  return new FetchError(
    "too-large",
    `fetch: body larger than ${formatBytes(maxBytes)} from ${describeUrl(url)}`,
    describeUrl(url),
  );
}

// Real servers compress once, and a proxy at most once more; each further layer is another
// decompressor in the pipe (a 1,000-layer chain is a thousand of them) for nothing.
const MAX_CODINGS = 2;

/**
 * Returns decompressors that undo a Content-Encoding header, last coding first; refuses more
 * than two stacked codings.
 */
export function createDecoders(contentEncoding: string | null, url: string): Transform[] {
  const codings = (contentEncoding ?? "")
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== "" && c !== "identity");
  if (codings.length > MAX_CODINGS) {
    const where = describeUrl(url);
    const message =
      `fetch: ${codings.length} stacked content-encodings (at most ${MAX_CODINGS} are decoded) ` +
      `from ${where}`;
    throw new FetchError("http", message, where);
  }
  return codings.reverse().map((coding) => {
    if (coding === "gzip" || coding === "x-gzip") return createGunzip();
    if (coding === "deflate") return createInflateAny();
    if (coding === "br") return createBrotliDecompress();
    throw new FetchError(
      "http",
      `fetch: unsupported content-encoding "${coding}" from ${describeUrl(url)}`,
      describeUrl(url),
    );
  });
}

/**
 * Reads a stream through the decoders into one buffer, failing with `too-large` as soon as the
 * decoded size passes the cap (so a small gzip bomb never inflates in memory).
 */
export async function readCapped(
  source: Readable,
  decoders: Transform[],
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow: FetchError | null = null;
  const collect = async (decoded: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of decoded) {
      size += chunk.length;
      if (size > maxBytes) throw (overflow = tooLargeError(url, maxBytes));
      chunks.push(chunk);
    }
  };
  try {
    // pipeline destroys every stage on failure, which also aborts the HTTP response.
    await (pipeline as (...stages: unknown[]) => Promise<void>)(source, ...decoders, collect);
  } catch (error) {
    // With decoders in between, pipeline may surface its own AbortError instead of ours.
    if (overflow) throw overflow;
    if (isZlibError(error)) {
      throw new FetchError(
        "http",
        `fetch: corrupt compressed body from ${describeUrl(url)} (${(error as Error).message})`,
        describeUrl(url),
        null,
        { cause: error },
      );
    }
    throw error;
  }
  return Buffer.concat(chunks, size);
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("Z_") || code === "ERR_BROTLI_INVALID_PARAM");
}
