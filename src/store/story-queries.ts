import { type Kysely, sql } from "kysely";
import type { ClusterCandidate } from "../domain/story-similarity";
import { chunk } from "./chunk";
import { type KeyColumn, inKeysetOrder, keysetConditions, keysetRequest, turnPage } from "./keyset";
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
    async listStories(query) {
      const { since } = query;
      const request = keysetRequest(query, (p) => [p.lastUpdatedAt, p.id]);
      const fetched = await summaries((q) =>
        inKeysetOrder(
          q
            .where("cluster_id", "in", reportedSince(db, since))
            .having((eb) => eb.and(keysetConditions(STORY_ORDER, request))),
          STORY_ORDER,
          request,
        ),
      );
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
    async listRelated(ids, first) {
      const related = new Map<string, string[]>(ids.map((id) => [id, []]));
      if (ids.length === 0) return related;
      const list = sql.join([...new Set(ids)]);
      const sameStory = await sql<{ src: string; id: string }>`
        select a.id as src, o.id as id from articles a
        join articles o on o.cluster_id = a.cluster_id and o.id <> a.id
        where a.id in (${list})
        order by o.published_at desc, o.id`.execute(db);
      for (const row of sameStory.rows) {
        const found = related.get(row.src);
        if (found && found.length < first) found.push(row.id);
      }
      // Other stories' articles only: the same story's are listed above.
      const sharedTags = await sql<{ src: string; id: string }>`
        select src, id from (
          select s.article_id as src, c.article_id as id,
            row_number() over (
              partition by s.article_id
              order by count(*) desc, max(a.published_at) desc, c.article_id
            ) as place
          from article_tags s
          join article_tags c on c.slug = s.slug and c.article_id <> s.article_id
          join articles a on a.id = c.article_id
          join articles sa on sa.id = s.article_id
          where s.article_id in (${list})
            and (sa.cluster_id is null or a.cluster_id is null or a.cluster_id <> sa.cluster_id)
          group by s.article_id, c.article_id
        ) ranked
        where place <= ${first}
        order by src, place`.execute(db);
      for (const row of sharedTags.rows) {
        const found = related.get(row.src);
        if (found && found.length < first) found.push(row.id);
      }
      return related;
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
