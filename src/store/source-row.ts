import type { Insertable } from "kysely";
import type { NextCheckReason, Source, SourceDefinition, SourceKind } from "../domain/source";
import type { PageSelectors } from "../domain/page-selectors";
import { scheduleOf } from "../domain/source-schedule";
import type { SourceRow, SourcesTable } from "./database";

/** The Source a `sources` row describes. */
export function rowToSource(row: SourceRow): Source {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    kind: row.kind as SourceKind,
    intervalSeconds: row.interval_seconds,
    schedule: row.schedule,
    userAgent: row.user_agent,
    tags: parseTags(row.tags),
    fullText: Number(row.full_text) === 1,
    selectors: parseSelectors(row.page_selectors),
    siteUrl: row.site_url,
    language: row.language,
    etag: row.etag,
    lastModified: row.last_modified,
    nextCheckAt: row.next_check_at,
    nextCheckReason: row.next_check_reason as NextCheckReason,
    leaseUntil: row.lease_until,
    leaseOwner: row.lease_owner,
    lastFetchedAt: row.last_fetched_at,
    lastSuccessAt: row.last_success_at,
    lastStatus: row.last_status,
    lastHttpStatus: row.last_http_status,
    lastError: row.last_error,
    consecutiveFailures: row.consecutive_failures,
    itemsSeen: row.items_seen,
    fetchCount: row.fetch_count,
    notModifiedCount: row.not_modified_count,
    createdAt: row.created_at,
    removedAt: row.removed_at,
  };
}

/** The declared columns of a source: what a new definition sets and a re-declaration replaces. */
export function definitionColumns(def: SourceDefinition) {
  return {
    name: def.name,
    url: def.url,
    kind: def.kind,
    interval_seconds: def.intervalSeconds ?? null,
    schedule: def.intervalSeconds == null ? (def.schedule ?? null) : null,
    user_agent: def.userAgent ?? null,
    tags: JSON.stringify(def.tags ?? []),
    full_text: def.fullText ? 1 : 0,
    page_selectors: def.selectors ? JSON.stringify(def.selectors) : null,
  };
}

/** The row for a newly declared source: due at `now`, no fetch history. */
export function definitionToRow(def: SourceDefinition, now: number): Insertable<SourcesTable> {
  return {
    id: def.id,
    ...definitionColumns(def),
    site_url: null,
    language: null,
    etag: null,
    last_modified: null,
    next_check_at: now,
    next_check_reason: scheduleOf(def).kind,
    lease_until: null,
    lease_owner: null,
    last_fetched_at: null,
    last_success_at: null,
    last_status: null,
    last_http_status: null,
    last_error: null,
    created_at: now,
  };
}

function parseTags(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

// Written by definitionColumns from validated config; anything else reads as no selectors.
function parseSelectors(text: string | null): PageSelectors | null {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    const item = (parsed as { item?: unknown } | null)?.item;
    return typeof item === "string" ? (parsed as PageSelectors) : null;
  } catch {
    return null;
  }
}
