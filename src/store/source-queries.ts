import type { Kysely, Updateable } from "kysely";
import type { FetchOutcome, SourceDefinition } from "../domain/source";
import { chunk } from "./chunk";
import type { Database, SourcesTable } from "./database";
import { definitionToRow, rowToSource } from "./source-row";
import type { Store } from "./store";

/** The part of the Store that declares, lists and records fetches on sources. */
export type SourceQueries = Pick<
  Store,
  "upsertSources" | "listSources" | "getSources" | "recordFetch"
>;

// 19 columns per row keeps a batch well under SQLite's parameter limit.
const SOURCE_BATCH_SIZE = 40;

/** Source reads and writes over `db`; `now` stamps newly declared sources. */
export function createSourceQueries(db: Kysely<Database>, now: () => number): SourceQueries {
  return {
    upsertSources: (defs) => upsertSources(db, defs, now()),
    listSources: async () => {
      const rows = await db.selectFrom("sources").selectAll().orderBy("id").execute();
      return rows.map(rowToSource);
    },
    getSources: async (ids) => {
      const sources = [];
      for (const slice of chunk(ids)) {
        const rows = await db.selectFrom("sources").selectAll().where("id", "in", slice).execute();
        sources.push(...rows.map(rowToSource));
      }
      return sources;
    },
    recordFetch: async (outcome) => {
      await db
        .updateTable("sources")
        .set((eb) => ({
          ...outcomeToUpdate(outcome),
          consecutive_failures: outcome.ok ? 0 : eb("consecutive_failures", "+", 1),
        }))
        .where("id", "=", outcome.sourceId)
        .execute();
    },
  };
}

async function upsertSources(
  db: Kysely<Database>,
  defs: SourceDefinition[],
  now: number,
): Promise<void> {
  // One statement may not upsert a row twice (PostgreSQL refuses): the last definition wins.
  const unique = [...new Map(defs.map((def) => [def.id, def])).values()];
  for (const slice of chunk(unique, SOURCE_BATCH_SIZE)) {
    await db
      .insertInto("sources")
      .values(slice.map((def) => definitionToRow(def, now)))
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          url: eb.ref("excluded.url"),
          kind: eb.ref("excluded.kind"),
          interval_seconds: eb.ref("excluded.interval_seconds"),
        })),
      )
      .execute();
  }
}

/** The plain column changes a fetch outcome makes; `undefined` optional fields keep the stored value. */
export function outcomeToUpdate(outcome: FetchOutcome): Updateable<SourcesTable> {
  const update: Updateable<SourcesTable> = {
    last_fetched_at: outcome.at,
    last_status: outcome.status,
    last_error: outcome.error,
    next_check_at: outcome.nextCheckAt,
    lease_until: null,
    lease_owner: null,
  };
  if (outcome.etag !== undefined) update.etag = outcome.etag;
  if (outcome.lastModified !== undefined) update.last_modified = outcome.lastModified;
  if (outcome.siteUrl !== undefined) update.site_url = outcome.siteUrl;
  if (outcome.language !== undefined) update.language = outcome.language;
  if (outcome.ok) update.last_success_at = outcome.at;
  return update;
}
