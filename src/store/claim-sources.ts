import type { Kysely } from "kysely";
import type { Source } from "../domain/source";
import type { Database } from "./database";
import type { StoreDialect } from "./open-database";
import { rowToSource } from "./source-row";
import type { Store } from "./store";

/** The options of `Store.claimDueSources`. */
export type ClaimOptions = Parameters<Store["claimDueSources"]>[0];

/**
 * Claims due sources for `owner` in one UPDATE ... RETURNING statement. On PostgreSQL the
 * candidate rows are locked with FOR UPDATE SKIP LOCKED so concurrent workers split them; on
 * SQLite the single statement takes the write lock before it reads, which makes it atomic.
 */
export async function claimDueSources(
  db: Kysely<Database>,
  dialect: StoreDialect,
  opts: ClaimOptions,
): Promise<Source[]> {
  if (opts.limit <= 0 || opts.ids?.length === 0) return [];
  let candidates = db
    .selectFrom("sources")
    .select("id")
    .where("removed_at", "is", null)
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", opts.now)]))
    .orderBy("next_check_at")
    .orderBy("id")
    .limit(opts.limit);
  if (opts.ids !== undefined) candidates = candidates.where("id", "in", opts.ids);
  else if (opts.all !== true) candidates = candidates.where("next_check_at", "<=", opts.now);
  if (dialect === "postgres") candidates = candidates.forUpdate().skipLocked();
  const rows = await db
    .updateTable("sources")
    .set({ lease_until: opts.now + opts.leaseMs, lease_owner: opts.owner })
    .where("id", "in", candidates)
    .returningAll()
    .execute();
  // RETURNING does not promise an order.
  return rows.map(rowToSource).sort(byNextCheck);
}

function byNextCheck(a: Source, b: Source): number {
  return a.nextCheckAt - b.nextCheckAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
