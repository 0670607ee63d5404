/** What one ingest of one source did; printed by `newsgate ingest` and logged per fetch. */
export interface IngestReport {
  sourceId: string;
  ok: boolean;
  /** HTTP status (`200`, `304`), `file`, or the failure kind (`timeout`, `parse`, ...). */
  status: string;
  items: number;
  inserted: number;
  updated: number;
  unchanged: number;
  durationMs: number;
  error: string | null;
}

/**
 * The status of an ingest the store could not complete (database busy, read-only, disk full):
 * nothing of it was lost (its validators were not kept), and the source is fetched again soon.
 */
export const STORE_UNAVAILABLE_STATUS = "store-unavailable";

/**
 * The status of an ingest whose lease another worker took over while it ran: what it fetched is
 * not stored or recorded here, since the new owner fetches the source again.
 */
export const LEASE_LOST_STATUS = "lease-lost";
