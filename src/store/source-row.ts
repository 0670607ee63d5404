import type { Source, SourceDefinition, SourceKind } from "../domain/source";
import type { SourceRow, SourcesTable } from "./database";
import type { Insertable } from "kysely";

/** The Source a `sources` row describes. */
export function rowToSource(row: SourceRow): Source {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    kind: row.kind as SourceKind,
    intervalSeconds: row.interval_seconds,
    siteUrl: row.site_url,
    language: row.language,
    etag: row.etag,
    lastModified: row.last_modified,
    nextCheckAt: row.next_check_at,
    leaseUntil: row.lease_until,
    leaseOwner: row.lease_owner,
    lastFetchedAt: row.last_fetched_at,
    lastSuccessAt: row.last_success_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
    consecutiveFailures: row.consecutive_failures,
    createdAt: row.created_at,
  };
}

/** The row for a newly declared source: due at `now`, no fetch history. */
export function definitionToRow(def: SourceDefinition, now: number): Insertable<SourcesTable> {
  return {
    id: def.id,
    name: def.name,
    url: def.url,
    kind: def.kind,
    interval_seconds: def.intervalSeconds,
    schedule: null,
    site_url: null,
    language: null,
    etag: null,
    last_modified: null,
    next_check_at: now,
    lease_until: null,
    lease_owner: null,
    last_fetched_at: null,
    last_success_at: null,
    last_status: null,
    last_error: null,
    consecutive_failures: 0,
    created_at: now,
  };
}
