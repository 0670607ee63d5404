/** The formats a source can be read as. */
export type SourceKind = "rss" | "atom" | "json" | "html";

/** How an operator declares a source (config file, later OPML or the admin API). */
export interface SourceDefinition {
  id: string;
  name: string;
  url: string;
  kind: SourceKind;
  /** Poll interval in seconds. */
  intervalSeconds: number;
}

/** A source as the store keeps it, with its fetch state and health. */
export interface Source extends SourceDefinition {
  siteUrl: string | null;
  language: string | null;
  etag: string | null;
  lastModified: string | null;
  nextCheckAt: number;
  leaseUntil: number | null;
  leaseOwner: string | null;
  lastFetchedAt: number | null;
  lastSuccessAt: number | null;
  lastStatus: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  createdAt: number;
}

/** What one fetch of a source ended in; recorded on the source by the store. */
export interface FetchOutcome {
  sourceId: string;
  at: number;
  ok: boolean;
  /** HTTP status as text (`200`, `304`), `file` for local files, or an error class (`timeout`). */
  status: string;
  error: string | null;
  etag?: string | null;
  lastModified?: string | null;
  siteUrl?: string | null;
  language?: string | null;
  nextCheckAt: number;
}
