import { type Kysely, sql } from "kysely";
import type { ClusterCandidate } from "../domain/story-similarity";
import { chunk } from "./chunk";
import { type KeyColumn, keysetConditions, readOrder, turnPage } from "./keyset";
import type { Database } from "./database";
import type { StoreDialect } from "./open-database";
import type { Store, StorySummary } from "./store";
import { runWriteTransaction } from "./write-transaction";

/** The part of the Store that keeps story clusters. */
export type StoryQueries = Pick<
  Store,
  "listClusterCandidates" | "setClusters" | "listStories" | "getStories" | "listRelated"
>;

// The newest reports in a window are enough to find a story's others.
const MAX_CANDIDATES = 5000;

/** Story cluster reads and writes over `db`. */
export function createStoryQueries(db: Kysely<Database>, dialect: StoreDialect): StoryQueries {
  const summaries = (where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) =>
    where(base(db)).execute();
  return {
    async listClusterCandidates(from, to) {
      const rows = await db
        .selectFrom("articles")
        .select(["id", "source_id", "title", "summary", "published_at", "cluster_id"])
        .where("published_at", ">=", from)
        .where("published_at", "<=", to)
        .orderBy("published_at", "desc")
        .limit(MAX_CANDIDATES)
        .execute();
      return rows.map((r): ClusterCandidate => ({
        id: r.id,
        sourceId: r.source_id,
        title: r.title,
        text: r.summary ?? "",
        publishedAt: r.published_at,
        clusterId: r.cluster_id,
      }));
    },
    setClusters: (assignments) =>
      runWriteTransaction(db, dialect, async (trx) => {
        for (const [id, clusterId] of assignments) {
          await trx
            .updateTable("articles")
            .set({ cluster_id: clusterId })
            .where("id", "=", id)
            .execute();
        }
      }),
    async listStories({ since, first, after, before }) {
      const request = {
        first,
        after: after && [after.lastUpdatedAt, after.id],
        before: before && [before.lastUpdatedAt, before.id],
      };
      const fetched = await summaries((q) => {
        let page = q
          .where("cluster_id", "in", reportedSince(db, since))
          .having((eb) => eb.and(keysetConditions(STORY_ORDER, request)));
        for (const c of readOrder(STORY_ORDER, request)) page = page.orderBy(c.expr, c.dir);
        return page.limit(first + 1);
      });
      const rows = turnPage(fetched, request);
      const total = await db
        .selectFrom(base(db).where("cluster_id", "in", reportedSince(db, since)).as("stories"))
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .executeTakeFirstOrThrow();
      return {
        items: await withArticles(db, rows.rows.map(toSummary)),
        hasNextPage: rows.more,
        totalCount: Number(total.count),
      };
    },
    async listRelated(article, first) {
      const sameStory = article.clusterId
        ? await db
            .selectFrom("articles")
            .select("id")
            .where("cluster_id", "=", article.clusterId)
            .where("id", "!=", article.id)
            .orderBy("published_at", "desc")
            .limit(first)
            .execute()
        : [];
      const sharedTags =
        article.tagSlugs.length === 0
          ? []
          : await db
              .selectFrom("article_tags")
              .innerJoin("articles", "articles.id", "article_tags.article_id")
              .select(["articles.id", (eb) => eb.fn.countAll<number>().as("shared")])
              .where("article_tags.slug", "in", article.tagSlugs)
              .where("articles.id", "!=", article.id)
              .groupBy(["articles.id", "articles.published_at"])
              .orderBy("shared", "desc")
              .orderBy("articles.published_at", "desc")
              .limit(first + sameStory.length)
              .execute();
      const ids = [...sameStory.map((r) => r.id), ...sharedTags.map((r) => r.id)];
      return [...new Set(ids)].slice(0, first);
    },
    async getStories(clusterIds) {
      const found: StorySummary[] = [];
      for (const slice of chunk([...new Set(clusterIds)])) {
        const rows = await summaries((q) => q.where("cluster_id", "in", slice));
        found.push(...rows.map(toSummary));
      }
      return withArticles(db, found);
    },
  };
}

// Stories latest first (their newest report), ties by cluster id.
const STORY_ORDER: KeyColumn[] = [
  { expr: sql`max(published_at)`, dir: "desc" },
  { expr: sql.ref("cluster_id"), dir: "asc" },
];

// Clusters with a report published since `since`: a story is then counted whole, its earlier
// reports included.
function reportedSince(db: Kysely<Database>, since: number) {
  return db
    .selectFrom("articles")
    .select("cluster_id")
    .where("published_at", ">=", since)
    .where("cluster_id", "is not", null);
}

// A story is a cluster reported by two sources or more.
function base(db: Kysely<Database>) {
  return db
    .selectFrom("articles")
    .select((eb) => [
      "cluster_id",
      eb.fn.count<number>("source_id").distinct().as("sources"),
      eb.fn.min<number>("published_at").as("first"),
      eb.fn.max<number>("published_at").as("last"),
    ])
    .where("cluster_id", "is not", null)
    .groupBy("cluster_id")
    .having((eb) => eb.fn.count("source_id").distinct(), ">=", 2);
}

function toSummary(r: { cluster_id: string | null; sources: number; first: number; last: number }) {
  return {
    id: r.cluster_id ?? "",
    sourceCount: Number(r.sources),
    firstSeenAt: Number(r.first),
    lastUpdatedAt: Number(r.last),
    articleIds: [] as string[],
  };
}

// Each story's articles, first reported first.
async function withArticles(
  db: Kysely<Database>,
  stories: StorySummary[],
): Promise<StorySummary[]> {
  if (stories.length === 0) return stories;
  const rows = await db
    .selectFrom("articles")
    .select(["id", "cluster_id"])
    .where(
      "cluster_id",
      "in",
      stories.map((s) => s.id),
    )
    .orderBy("published_at")
    .orderBy("id")
    .execute();
  const byCluster = new Map(stories.map((s) => [s.id, s]));
  for (const row of rows) byCluster.get(row.cluster_id ?? "")?.articleIds.push(row.id);
  return stories;
}
