import type { PageSelectors } from "./page-selectors";

/** The formats a source can be read as. */
export type SourceKind = "rss" | "atom" | "json" | "html";

/** Why a source is next due when it is; see `planNextCheck`. */
export type NextCheckReason =
  "interval" | "cron" | "adaptive" | "ttl" | "max-age" | "retry-after" | "backoff";

/** How an operator declares a source (config file, OPML or the admin API). */
export interface SourceDefinition {
  id: string;
  name: string;
  url: string;
  kind: SourceKind;
  /** Poll interval in seconds; absent with a cron `schedule`, or for adaptive polling. */
  intervalSeconds?: number | null;
  /** A cron expression (UTC) saying when to poll; exclusive with `intervalSeconds`. */
  schedule?: string | null;
  /** The User-Agent sent for this source instead of newsgate's own. */
  userAgent?: string | null;
  /** The source's categories (e.g. OPML outline categories), as given. */
  tags?: string[];
  /** Fetch the story page of each new item whose content is only a teaser. */
  fullText?: boolean;
  /** For html sources: CSS selectors that pick the headlines instead of the heuristic. */
  selectors?: PageSelectors | null;
}

/** A source as the store keeps it, with its fetch state and health. */
export interface Source extends SourceDefinition {
  intervalSeconds: number | null;
  schedule: string | null;
  userAgent: string | null;
  tags: string[];
  fullText: boolean;
  selectors: PageSelectors | null;
  siteUrl: string | null;
  language: string | null;
  etag: string | null;
  lastModified: string | null;
  nextCheckAt: number;
  nextCheckReason: NextCheckReason;
  leaseUntil: number | null;
  leaseOwner: string | null;
  lastFetchedAt: number | null;
  lastSuccessAt: number | null;
  lastStatus: string | null;
  /** The HTTP status of the last fetch; null for files, network errors and timeouts. */
  lastHttpStatus: number | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** Items in the document of the last fetch that returned one. */
  itemsSeen: number;
  /** Fetches recorded over the source's lifetime. */
  fetchCount: number;
  /** How many of those were answered 304 Not Modified. */
  notModifiedCount: number;
  createdAt: number;
  /** When it was removed (no longer listed or fetched; its articles keep naming it), if it was. */
  removedAt?: number | null;
}

/** What one fetch of a source ended in; recorded on the source by the store. */
export interface FetchOutcome {
  sourceId: string;
  at: number;
  ok: boolean;
  /** HTTP status as text (`200`, `304`), `file` for local files, or an error class (`timeout`). */
  status: string;
  /** The HTTP status answered, or null (files, network errors, timeouts). */
  httpStatus: number | null;
  error: string | null;
  etag?: string | null;
  lastModified?: string | null;
  siteUrl?: string | null;
  language?: string | null;
  /** Items in the fetched document; undefined (304, failure) keeps the stored count. */
  itemsSeen?: number;
  nextCheckAt: number;
  nextCheckReason: NextCheckReason;
  /** True when the store, not the source, failed (database busy, disk full): the source's
   * failure count stays as it was. */
  storeFault?: boolean;
}
