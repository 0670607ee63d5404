import { Agent } from "undici";
import { FetchError, describeUrl } from "./fetch-error";
import { readFileSource } from "./fetch-file";
import { createGuardedConnector } from "./fetch-guard";
import { fetchHttp } from "./fetch-http";

/** Options for {@link createFetcher}; `Config["fetch"]` passes as is. */
export interface FetcherOptions {
  /** Total deadline for one fetch, redirects and body included. */
  timeoutMs: number;
  /** Largest body accepted, counted after decompression. */
  maxBytes: number;
  /** Sent unless the request names its own. */
  userAgent: string;
  /** Lets fetches reach loopback, private and other non-public addresses (default false). */
  allowPrivateNetworks?: boolean;
  /** Read by ingestion, not the fetcher; accepted so the config section fits. */
  maxItemsPerFetch?: number;
}

/** One source fetch; etag and lastModified make it a conditional GET. */
export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  /** Whether `file:` URLs may be read (only for sources from the operator's config). */
  allowFile: boolean;
  /** This source's own User-Agent, instead of the fetcher's. */
  userAgent?: string | null;
  /** What is asked for (the Accept header): a feed (the default) or an HTML page. */
  expect?: "feed" | "page";
}

/** What a fetch returned; body is null when the source answered 304 Not Modified. */
export interface FetchResult {
  status: number;
  notModified: boolean;
  /** The body as text, decoded from its charset (see `decodeBody`). */
  body: string | null;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  finalUrl: string;
  /** From `Retry-After`: how long the source asked us to wait, in ms from the response. */
  retryAfterMs: number | null;
  /** From `Cache-Control: max-age`: how long the body stays fresh, in ms; null if no-store/no-cache. */
  maxAgeMs: number | null;
}

/** The I/O edge of ingestion: fetches sources over HTTP(S) or from files. */
export interface Fetcher {
  fetchSource(req: FetchRequest): Promise<FetchResult>;
  /** Closes the HTTP connection pool. */
  close(): Promise<void>;
}

/**
 * Returns a fetcher with its own connection pool, guarded by time, size and redirect limits
 * and, unless `allowPrivateNetworks`, against connecting to non-public addresses (SSRF).
 */
export function createFetcher(opts: FetcherOptions): Fetcher {
  const settings = { ...opts, allowPrivateNetworks: opts.allowPrivateNetworks ?? false };
  const agent = new Agent({
    connect: createGuardedConnector(opts.timeoutMs, settings.allowPrivateNetworks),
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
  });
  return {
    fetchSource: async (req) => {
      const url = parseSourceUrl(req.url);
      if (url.protocol !== "file:") return fetchHttp(agent, url, req, settings);
      if (!req.allowFile) {
        throw new FetchError("scheme", `fetch: file: URLs are not allowed: ${url.href}`, url.href);
      }
      return readFileSource(url, opts.maxBytes);
    },
    close: () => agent.close(),
  };
}

function parseSourceUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new FetchError("scheme", `fetch: not a URL: ${describeUrl(raw)}`, describeUrl(raw));
  }
}
