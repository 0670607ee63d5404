import type { Kysely, Updateable } from "kysely";
import type { FetchOutcome } from "../domain/source";
import type { Database, SourcesTable } from "./database";
import type { Store } from "./store";

/** The part of the Store that records fetches, manages leases and reads a source's pace. */
export type FetchRecords = Pick<
  Store,
  "recordFetch" | "releaseLeases" | "renewLeases" | "listRecentPublishTimes"
>;

/** Fetch bookkeeping over `db`. */
export function createFetchRecords(db: Kysely<Database>): FetchRecords {
  return {
    recordFetch: async (outcome, leaseOwner) => {
      // Written only while the lease is still ours: a worker whose lease expired and was
      // re-claimed must not overwrite what the next worker records.
      const result = await db
        .updateTable("sources")
        .set((eb) => ({
          ...outcomeToUpdate(outcome),
          consecutive_failures: outcome.ok
            ? 0
            : eb("consecutive_failures", "+", outcome.storeFault ? 0 : 1),
          fetch_count: eb("fetch_count", "+", 1),
          not_modified_count: eb("not_modified_count", "+", outcome.httpStatus === 304 ? 1 : 0),
        }))
        .where("id", "=", outcome.sourceId)
        .where("lease_owner", leaseOwner === null ? "is" : "=", leaseOwner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    releaseLeases: async (owner) => {
      const result = await db
        .updateTable("sources")
        .set({ lease_until: null, lease_owner: null })
        .where("lease_owner", "=", owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    renewLeases: async (owner, ids, until) => {
      if (ids.length === 0) return [];
      const rows = await db
        .updateTable("sources")
        .set({ lease_until: until })
        .where("lease_owner", "=", owner)
        .where("id", "in", [...ids])
        .returning("id")
        .execute();
      return rows.map((r) => r.id);
    },
    listRecentPublishTimes: async (sourceId, limit) => {
      const rows = await db
        .selectFrom("articles")
        .select("published_at")
        .where("source_id", "=", sourceId)
        .orderBy("published_at", "desc")
        .limit(limit)
        .execute();
      return rows.map((r) => r.published_at);
    },
  };
}

/** The column changes a fetch outcome makes; `undefined` optional fields keep stored values. */
export function outcomeToUpdate(outcome: FetchOutcome): Updateable<SourcesTable> {
  const update: Updateable<SourcesTable> = {
    last_fetched_at: outcome.at,
    last_status: outcome.status,
    last_http_status: outcome.httpStatus,
    last_error: outcome.error,
    next_check_at: outcome.nextCheckAt,
    next_check_reason: outcome.nextCheckReason,
    lease_until: null,
    lease_owner: null,
  };
  if (outcome.etag !== undefined) update.etag = outcome.etag;
  if (outcome.lastModified !== undefined) update.last_modified = outcome.lastModified;
  if (outcome.siteUrl !== undefined) update.site_url = outcome.siteUrl;
  if (outcome.language !== undefined) update.language = outcome.language;
  if (outcome.itemsSeen !== undefined) update.items_seen = outcome.itemsSeen;
  if (outcome.ok) update.last_success_at = outcome.at;
  return update;
}
