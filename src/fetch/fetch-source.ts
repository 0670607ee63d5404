import { Agent } from "undici";
import { FetchError, describeUrl } from "./fetch-error";
import { readFileSource } from "./fetch-file";
import { createGuardedConnector } from "./fetch-guard";
import { fetchHttp } from "./fetch-http";
import type { FetchRequest, FetchResult } from "./fetch-result";

/** What one fetch asks for and gets (defined with each other in fetch-result). */
export type { FetchRequest, FetchResult } from "./fetch-result";

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
