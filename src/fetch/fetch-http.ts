import { request, type Dispatcher } from "undici";
import { createDecoders, readCapped, tooLargeError } from "./fetch-body";
import { FetchError, classifyFetchFailure, describeUrl } from "./fetch-error";
import { checkHop } from "./fetch-guard";
import { parseFetchHints } from "./fetch-hints";
import type { FetchRequest, FetchResult } from "./fetch-result";
import { decodeBody } from "./decode-text";

/** The fetcher options an HTTP fetch reads. */
export interface HttpFetchSettings {
  timeoutMs: number;
  connectTimeoutMs: number;
  maxBytes: number;
  userAgent: string;
  allowPrivateNetworks: boolean;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Statuses whose Retry-After the scheduler should honour on failure. */
const RETRY_STATUSES = new Set([429, 503]);
const ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, " +
  "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";
const ACCEPT_PAGE = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

/** Fetches over HTTP(S) under one total deadline, following and checking redirects by hand. */
export async function fetchHttp(
  agent: Dispatcher,
  start: URL,
  req: FetchRequest,
  opts: HttpFetchSettings,
): Promise<FetchResult> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), opts.timeoutMs);
  const visited = new Set<string>();
  let url = start;
  try {
    for (;;) {
      checkHop(url, opts.allowPrivateNetworks);
      visited.add(withoutHash(url));
      const res = await request(url, {
        dispatcher: agent,
        method: "GET",
        headers: requestHeaders(req, opts.userAgent),
        signal: deadline.signal,
      });
      if (!REDIRECT_STATUSES.has(res.statusCode)) return await readResponse(res, url, req, opts);
      await discard(res);
      url = nextHop(res, url, start, visited);
    }
  } catch (error) {
    throw classifyFetchFailure(error, url.href, deadline.signal.aborted, opts);
  } finally {
    clearTimeout(timer);
  }
}

function requestHeaders(req: FetchRequest, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = {
    "user-agent": req.userAgent || userAgent,
    accept: req.expect === "page" ? ACCEPT_PAGE : ACCEPT,
    "accept-encoding": "gzip, deflate, br",
  };
  if (req.etag) headers["if-none-match"] = req.etag;
  if (req.lastModified) headers["if-modified-since"] = req.lastModified;
  return headers;
}

/** Returns where a redirect leads, refusing too many hops and loops. */
function nextHop(res: Dispatcher.ResponseData, from: URL, start: URL, visited: Set<string>): URL {
  const where = describeUrl(start.href);
  if (visited.size > MAX_REDIRECTS) {
    throw new FetchError(
      "redirects",
      `fetch: more than ${MAX_REDIRECTS} redirects from ${where}`,
      where,
    );
  }
  const target = redirectTarget(res, from);
  if (visited.has(withoutHash(target))) {
    const again = describeUrl(target.href);
    throw new FetchError("redirects", `fetch: redirect loop back to ${again} from ${where}`, where);
  }
  return target;
}

function redirectTarget(res: Dispatcher.ResponseData, from: URL): URL {
  const location = header(res, "location");
  const where = describeUrl(from.href);
  if (!location) {
    const message = `fetch: HTTP ${res.statusCode} without Location from ${where}`;
    throw new FetchError("http", message, where, res.statusCode);
  }
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    const message = `fetch: bad redirect Location ${JSON.stringify(location)} from ${where}`;
    throw new FetchError("redirects", message, where);
  }
  // Never let a remote server send us to file: or another scheme.
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    const message = `fetch: redirect to unsupported scheme ${target.protocol} from ${where}`;
    throw new FetchError("scheme", message, where);
  }
  return target;
}

async function readResponse(
  res: Dispatcher.ResponseData,
  url: URL,
  req: FetchRequest,
  opts: HttpFetchSettings,
): Promise<FetchResult> {
  const where = describeUrl(url.href);
  const meta = {
    status: res.statusCode,
    contentType: header(res, "content-type"),
    etag: header(res, "etag"),
    lastModified: header(res, "last-modified"),
    finalUrl: url.href,
    ...parseFetchHints(header(res, "retry-after"), headerList(res, "cache-control"), Date.now()),
  };
  if (res.statusCode === 304) {
    await discard(res);
    // A 304 may omit the validators; the ones we sent are still the current ones.
    const etag = meta.etag ?? req.etag ?? null;
    const lastModified = meta.lastModified ?? req.lastModified ?? null;
    return { ...meta, notModified: true, body: null, etag, lastModified };
  }
  if (res.statusCode < 200 || res.statusCode > 299) {
    await discard(res);
    const retryAfterMs = RETRY_STATUSES.has(res.statusCode) ? meta.retryAfterMs : null;
    const message = `fetch: HTTP ${res.statusCode} from ${where}`;
    throw new FetchError("http", message, where, res.statusCode, { retryAfterMs });
  }
  const body = await readBody(res, url, opts.maxBytes);
  return { ...meta, notModified: false, body: decodeBody(body, meta.contentType).text };
}

async function readBody(res: Dispatcher.ResponseData, url: URL, maxBytes: number): Promise<Buffer> {
  // Sent twice, the header means both codings, in order.
  const encoding = headerList(res, "content-encoding");
  const declared = Number(header(res, "content-length") ?? NaN);
  let decoders;
  try {
    if (!encoding && declared > maxBytes) throw tooLargeError(url.href, maxBytes);
    decoders = createDecoders(encoding, url.href);
  } catch (error) {
    abandon(res);
    throw error;
  }
  return readCapped(res.body, decoders, maxBytes, url.href);
}

function header(res: Dispatcher.ResponseData, name: string): string | null {
  const value = res.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Returns a header sent several times as one comma-separated value. */
function headerList(res: Dispatcher.ResponseData, name: string): string | null {
  const value = res.headers[name];
  return (Array.isArray(value) ? value.join(", ") : value) ?? null;
}

function withoutHash(url: URL): string {
  return url.href.split("#")[0];
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
