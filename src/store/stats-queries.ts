import type { Kysely } from "kysely";
import type { ArticleStats } from "../domain/article";
import { chunk } from "./chunk";
import type { Database } from "./database";
import type { StoreDialect } from "./open-database";
import type { Store } from "./store";
import { runWriteTransaction } from "./write-transaction";

/** The part of the Store that reads and writes article counters. */
export type StatsQueries = Pick<Store, "recordSourceRanks" | "getArticleStats" | "addViews">;

// A source's popular list is short; a longer one is not a ranking worth keeping whole.
const MAX_RANKS = 100;

/** Stats reads and the source-rank writer over `db`. */
export function createStatsQueries(
  db: Kysely<Database>,
  dialect: StoreDialect,
  now: () => number,
): StatsQueries {
  return {
    recordSourceRanks: (sourceId, urls) =>
      runWriteTransaction(db, dialect, (trx) => writeRanks(trx, sourceId, urls, now())),
    addViews: (views) =>
      runWriteTransaction(db, dialect, async (trx) => {
        const at = now();
        for (const [id, count] of views) {
          if (count <= 0) continue;
          // The select yields no row for an article that is gone: nothing is written for it.
          await trx
            .insertInto("article_stats")
            .columns(["article_id", "views", "updated_at"])
            .expression((eb) =>
              eb
                .selectFrom("articles")
                .select([
                  eb.val(id).as("article_id"),
                  eb.val(count).as("views"),
                  eb.val(at).as("updated_at"),
                ])
                .where("id", "=", id),
            )
            .onConflict((oc) =>
              oc.column("article_id").doUpdateSet((eb) => ({
                views: eb("article_stats.views", "+", eb.ref("excluded.views")),
                updated_at: at,
              })),
            )
            .execute();
        }
      }),
    getArticleStats: async (ids) => {
      const stats = new Map<string, ArticleStats>();
      for (const slice of chunk([...new Set(ids)])) {
        const rows = await db
          .selectFrom("article_stats")
          .select(["article_id", "views", "source_rank"])
          .where("article_id", "in", slice)
          .execute();
        for (const r of rows)
          stats.set(r.article_id, { views: Number(r.views), sourceRank: r.source_rank });
      }
      return stats;
    },
  };
}

// The list replaces the source's last one: its articles no longer listed lose their rank.
async function writeRanks(
  db: Kysely<Database>,
  sourceId: string,
  urls: readonly string[],
  at: number,
) {
  const ranked = urls.slice(0, MAX_RANKS);
  const found = ranked.length
    ? await db.selectFrom("articles").select(["id", "url"]).where("url", "in", ranked).execute()
    : [];
  const idByUrl = new Map(found.map((row) => [row.url, row.id]));
  const ranks = ranked
    .map((url, i) => ({ id: idByUrl.get(url), rank: i + 1 }))
    .filter((r): r is { id: string; rank: number } => r.id !== undefined);
  await db
    .updateTable("article_stats")
    .set({ source_rank: null, updated_at: at })
    .where("source_rank", "is not", null)
    .where("article_id", "in", (eb) =>
      eb.selectFrom("articles").select("id").where("source_id", "=", sourceId),
    )
    .execute();
  for (const { id, rank } of ranks) {
    await db
      .insertInto("article_stats")
      .values({ article_id: id, source_rank: rank, updated_at: at })
      .onConflict((oc) =>
        oc.column("article_id").doUpdateSet({ source_rank: rank, updated_at: at }),
      )
      .execute();
  }
}
