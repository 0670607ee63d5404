import type { Kysely } from "kysely";
import type { SourceDefinition } from "../domain/source";
import { chunk } from "./chunk";
import type { Database } from "./database";
import type { StoreDialect } from "./open-database";
import { runWriteTransaction } from "./write-transaction";
import { definitionToRow, rowToSource } from "./source-row";
import type { Store } from "./store";

/** The part of the Store that declares, lists and removes sources. */
export type SourceQueries = Pick<
  Store,
  "upsertSources" | "listSources" | "getSources" | "removeSource" | "setNextCheck"
>;

// About 25 columns per row keeps a batch well under SQLite's parameter limit.
const SOURCE_BATCH_SIZE = 40;

/** Source reads and writes over `db`; `now` stamps newly declared sources. */
export function createSourceQueries(
  db: Kysely<Database>,
  dialect: StoreDialect,
  now: () => number,
): SourceQueries {
  return {
    // One transaction, so a retry (database busy) re-runs every batch or none.
    upsertSources: async (defs) => {
      if (defs.length === 0) return;
      await runWriteTransaction(db, dialect, (trx) => upsertSources(trx, defs, now()));
    },
    listSources: async () => {
      const rows = await db
        .selectFrom("sources")
        .selectAll()
        .where("removed_at", "is", null)
        .orderBy("id")
        .execute();
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
    removeSource: async (id) => {
      const result = await db
        .updateTable("sources")
        .set({ removed_at: now(), lease_until: null, lease_owner: null })
        .where("id", "=", id)
        .where("removed_at", "is", null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    setNextCheck: async (id, next) => {
      await db
        .updateTable("sources")
        .set({ next_check_at: next.at, next_check_reason: next.reason })
        .where("id", "=", id)
        .where("removed_at", "is", null)
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
          schedule: eb.ref("excluded.schedule"),
          user_agent: eb.ref("excluded.user_agent"),
          tags: eb.ref("excluded.tags"),
          full_text: eb.ref("excluded.full_text"),
          page_selectors: eb.ref("excluded.page_selectors"),
          // Declaring a removed source again brings it back.
          removed_at: null,
        })),
      )
      .execute();
  }
}
