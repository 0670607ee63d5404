import type { Agent } from "undici";
import { FetchError, describeUrl } from "./fetch-error";
import { readFileSource } from "./fetch-file";
import type { FetchRequest, FetchResult } from "./fetch-result";

/** What one fetch asks for and gets (defined with each other in fetch-result). */
export type { FetchRequest, FetchResult } from "./fetch-result";

/** Options for {@link createFetcher}; `Config["fetch"]` passes as is. */
export interface FetcherOptions {
  /** Total deadline for one fetch, redirects and body included. */
  timeoutMs: number;
  /**
   * Time to open one connection (TCP and TLS, DNS included), within the deadline; default
   * 10 s. A host that never answers fails with a `connect timeout` rather than the deadline.
   */
  connectTimeoutMs?: number;
  /** Largest body accepted, counted after decompression. */
  maxBytes: number;
  /** Sent unless the request names its own. */
  userAgent: string;
  /** Lets fetches reach loopback, private and other non-public addresses (default false). */
  allowPrivateNetworks?: boolean;
  /** Read by ingestion, not the fetcher; accepted so the config section fits. */
  maxItemsPerFetch?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

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
  const settings = {
    ...opts,
    connectTimeoutMs: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    allowPrivateNetworks: opts.allowPrivateNetworks ?? false,
  };
  let http: Promise<HttpClient> | null = null;
  let closed = false;
  return {
    fetchSource: async (req) => {
      const url = parseSourceUrl(req.url);
      if (url.protocol !== "file:") {
        const client = await (http ??= openHttpClient(settings));
        // A fetcher closed before its first http fetch fails as a closed pool does (undici's error).
        if (closed) await client.agent.close();
        return client.fetchHttp(client.agent, url, req, settings);
      }
      if (!req.allowFile) {
        throw new FetchError("scheme", `fetch: file: URLs are not allowed: ${url.href}`, url.href);
      }
      return readFileSource(url, opts.maxBytes);
    },
    close: async () => {
      closed = true;
      if (http) await (await http).agent.close();
    },
  };
}

interface HttpClient {
  agent: Agent;
  fetchHttp: typeof import("./fetch-http").fetchHttp;
}

// undici and the HTTP path load on the first http(s) fetch, not at import: they take about
// 120 ms, which `newsgate parse FILE` would otherwise spend before reading a local file.
async function openHttpClient(
  settings: FetcherOptions & { connectTimeoutMs: number; allowPrivateNetworks: boolean },
): Promise<HttpClient> {
  const [{ Agent }, { createGuardedConnector }, { fetchHttp }] = await Promise.all([
    import("undici"),
    import("./fetch-guard"),
    import("./fetch-http"),
  ]);
  const agent = new Agent({
    connect: createGuardedConnector(settings.connectTimeoutMs, settings.allowPrivateNetworks),
    headersTimeout: settings.timeoutMs,
    bodyTimeout: settings.timeoutMs,
  });
  return { agent, fetchHttp };
}

function parseSourceUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new FetchError("scheme", `fetch: not a URL: ${describeUrl(raw)}`, describeUrl(raw));
  }
}
