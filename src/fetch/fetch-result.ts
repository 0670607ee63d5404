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
