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
