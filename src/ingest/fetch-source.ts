import { Agent, request, type Dispatcher } from "undici";
import { createDecoders, decodeUtf8, readCapped, tooLargeError } from "./fetch-body";
import { FetchError, classifyFetchFailure, describeUrl } from "./fetch-error";
import { readFileSource } from "./fetch-file";

/** Options for {@link createFetcher}. */
export interface FetcherOptions {
  /** Total deadline for one fetch, redirects and body included. */
  timeoutMs: number;
  /** Largest body accepted, counted after decompression. */
  maxBytes: number;
  userAgent: string;
}

/** One source fetch; etag and lastModified make it a conditional GET. */
export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  /** Whether `file:` URLs may be read (only for sources from the operator's config). */
  allowFile: boolean;
}

/** What a fetch returned; body is null when the source answered 304 Not Modified. */
export interface FetchResult {
  status: number;
  notModified: boolean;
  body: string | null;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  finalUrl: string;
}

/** The I/O edge of ingestion: fetches sources over HTTP(S) or from files. */
export interface Fetcher {
  fetchSource(req: FetchRequest): Promise<FetchResult>;
  /** Closes the HTTP connection pool. */
  close(): Promise<void>;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, " +
  "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

/** Returns a fetcher with its own connection pool, guarded by time, size and redirect limits. */
export function createFetcher(opts: FetcherOptions): Fetcher {
  const agent = new Agent({
    connect: { timeout: opts.timeoutMs },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
  });
  return {
    fetchSource: async (req) => {
      const url = parseSourceUrl(req.url);
      if (url.protocol === "file:") {
        if (!req.allowFile) {
          throw new FetchError(
            "scheme",
            `fetch: file: URLs are not allowed: ${url.href}`,
            url.href,
          );
        }
        return readFileSource(url, opts.maxBytes);
      }
      return fetchHttp(agent, url, req, opts);
    },
    close: () => agent.close(),
  };
}

function parseSourceUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError("scheme", `fetch: not a URL: ${describeUrl(raw)}`, describeUrl(raw));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:" && url.protocol !== "file:") {
    const where = describeUrl(url.href);
    throw new FetchError(
      "scheme",
      `fetch: unsupported URL scheme ${url.protocol} in ${where}`,
      where,
    );
  }
  return url;
}

/** Fetches over HTTP(S) under one total deadline, following redirects by hand. */
async function fetchHttp(
  agent: Dispatcher,
  start: URL,
  req: FetchRequest,
  opts: FetcherOptions,
): Promise<FetchResult> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), opts.timeoutMs);
  let url = start;
  try {
    for (let redirects = 0; ; redirects++) {
      const res = await request(url, {
        dispatcher: agent,
        method: "GET",
        headers: requestHeaders(req, opts.userAgent),
        signal: deadline.signal,
      });
      if (!REDIRECT_STATUSES.has(res.statusCode)) return await readResponse(res, url, req, opts);
      await discard(res);
      if (redirects === MAX_REDIRECTS) {
        const where = describeUrl(start.href);
        throw new FetchError(
          "redirects",
          `fetch: more than ${MAX_REDIRECTS} redirects from ${where}`,
          where,
        );
      }
      url = redirectTarget(res, url);
    }
  } catch (error) {
    throw classifyFetchFailure(error, url.href, deadline.signal.aborted, opts.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

function requestHeaders(req: FetchRequest, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = {
    "user-agent": userAgent,
    accept: ACCEPT,
    "accept-encoding": "gzip, deflate, br",
  };
  if (req.etag) headers["if-none-match"] = req.etag;
  if (req.lastModified) headers["if-modified-since"] = req.lastModified;
  return headers;
}

function redirectTarget(res: Dispatcher.ResponseData, from: URL): URL {
  const location = header(res, "location");
  const where = describeUrl(from.href);
  if (!location) {
    throw new FetchError(
      "http",
      `fetch: HTTP ${res.statusCode} without Location from ${where}`,
      where,
      res.statusCode,
    );
  }
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw new FetchError(
      "redirects",
      `fetch: bad redirect Location ${JSON.stringify(location)} from ${where}`,
      where,
    );
  }
  // Never let a remote server send us to file: or another scheme.
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    throw new FetchError(
      "scheme",
      `fetch: redirect to unsupported scheme ${target.protocol} from ${where}`,
      where,
    );
  }
  return target;
}

async function readResponse(
  res: Dispatcher.ResponseData,
  url: URL,
  req: FetchRequest,
  opts: FetcherOptions,
): Promise<FetchResult> {
  const where = describeUrl(url.href);
  const meta = {
    status: res.statusCode,
    contentType: header(res, "content-type"),
    etag: header(res, "etag"),
    lastModified: header(res, "last-modified"),
    finalUrl: url.href,
  };
  if (res.statusCode === 304) {
    await discard(res);
    // A 304 may omit the validators; the ones we sent are still the current ones.
    return {
      ...meta,
      notModified: true,
      body: null,
      etag: meta.etag ?? req.etag ?? null,
      lastModified: meta.lastModified ?? req.lastModified ?? null,
    };
  }
  if (res.statusCode < 200 || res.statusCode > 299) {
    await discard(res);
    throw new FetchError(
      "http",
      `fetch: HTTP ${res.statusCode} from ${where}`,
      where,
      res.statusCode,
    );
  }
  const encoding = header(res, "content-encoding");
  const declared = Number(header(res, "content-length") ?? NaN);
  let decoders;
  try {
    if (!encoding && declared > opts.maxBytes) throw tooLargeError(url.href, opts.maxBytes);
    decoders = createDecoders(encoding, url.href);
  } catch (error) {
    abandon(res);
    throw error;
  }
  const body = await readCapped(res.body, decoders, opts.maxBytes, url.href);
  return { ...meta, notModified: false, body: decodeUtf8(body) };
}

function header(res: Dispatcher.ResponseData, name: string): string | null {
  const value = res.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Drops a body we will not read, closing its connection. */
function abandon(res: Dispatcher.ResponseData): void {
  // undici emits an abort error on a destroyed body; nobody is listening any more.
  res.body.on("error", () => undefined);
  res.body.destroy();
}

/** Drops a body we do not need; a small one keeps the connection reusable. */
async function discard(res: Dispatcher.ResponseData): Promise<void> {
  await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
}
