import { type Kysely, sql } from "kysely";
import type { Tag, TagOrigin } from "../domain/article";
import { chunk } from "./chunk";
import { type KeyColumn, inKeysetOrder, keysetConditions, keysetRequest, turnPage } from "./keyset";
import type { Database } from "./database";
import type { StoreDialect } from "./open-database";
import type { Store } from "./store";
import { insertRows } from "./insert-rows";

/** The part of the Store that reads tags. */
export type TagQueries = Pick<
  Store,
  "getTagsForArticles" | "listTags" | "listTagTrends" | "getTags"
>;

/** An article's full tag list, as written by `writeArticleTags`. */
export interface ArticleTags {
  articleId: string;
  tags: readonly Tag[];
}

// Most used first, ties by slug.
const MOST_USED: KeyColumn[] = [
  { expr: sql`count(*)`, dir: "desc" },
  { expr: sql.ref("tags.slug"), dir: "asc" },
];

// Rows per multi-row insert: few columns each, so many rows fit under SQLite's parameter limit.
const TAG_BATCH_SIZE = 200;

/** Tag reads over `db`. */
export function createTagQueries(db: Kysely<Database>): TagQueries {
  return {
    getTagsForArticles: (ids) => loadTags(db, ids),
    listTagTrends: async (windowMs, now) => {
      const start = now - windowMs;
      const rows = await db
        .selectFrom("tags")
        .innerJoin("article_tags", "article_tags.slug", "tags.slug")
        .innerJoin("articles", "articles.id", "article_tags.article_id")
        .select((eb) => [
          "tags.slug",
          "tags.name",
          eb.fn
            .sum<number>(eb.case().when("articles.published_at", ">=", start).then(1).else(0).end())
            .as("current"),
          eb.fn
            .sum<number>(eb.case().when("articles.published_at", "<", start).then(1).else(0).end())
            .as("previous"),
        ])
        .where("articles.published_at", ">=", now - 2 * windowMs)
        .where("articles.published_at", "<", now)
        .groupBy(["tags.slug", "tags.name"])
        .execute();
      return rows
        .map((r) => ({
          slug: r.slug,
          name: r.name,
          current: Number(r.current),
          previous: Number(r.previous),
        }))
        .filter((t) => t.current > 0);
    },
    getTags: async (slugs) => {
      if (slugs.length === 0) return [];
      const rows = await db
        .selectFrom("tags")
        .leftJoin("article_tags", "article_tags.slug", "tags.slug")
        .select([
          "tags.slug",
          "tags.name",
          (eb) => eb.fn.count<number>("article_tags.article_id").as("count"),
        ])
        .where("tags.slug", "in", [...slugs])
        .groupBy(["tags.slug", "tags.name"])
        .execute();
      return rows.map((r) => ({ slug: r.slug, name: r.name, count: Number(r.count) }));
    },
    listTags: async (query) => {
      const request = keysetRequest(query, (p) => [p.count, p.slug]);
      const select = db
        .selectFrom("tags")
        .innerJoin("article_tags", "article_tags.slug", "tags.slug")
        .select(["tags.slug", "tags.name", (eb) => eb.fn.countAll<number>().as("count")])
        .groupBy(["tags.slug", "tags.name"])
        .having((eb) => eb.and(keysetConditions(MOST_USED, request)));
      const page = turnPage(await inKeysetOrder(select, MOST_USED, request).execute(), request);
      const total = await db
        .selectFrom("article_tags")
        .select((eb) => eb.fn.count<number>("slug").distinct().as("count"))
        .executeTakeFirstOrThrow();
      return {
        items: page.rows.map((r) => ({ slug: r.slug, name: r.name, count: Number(r.count) })),
        hasNextPage: page.more,
        totalCount: Number(total.count),
      };
    },
  };
}

/** Tags per article id, in stored order; every requested id has an entry, possibly empty. */
export async function loadTags(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, Tag[]>> {
  const tags = new Map<string, Tag[]>(ids.map((id) => [id, []]));
  for (const slice of chunk([...new Set(ids)])) {
    const rows = await db
      .selectFrom("article_tags")
      .innerJoin("tags", "tags.slug", "article_tags.slug")
      .select(["article_tags.article_id", "article_tags.slug", "article_tags.origin", "tags.name"])
      .where("article_tags.article_id", "in", slice)
      .orderBy("article_tags.article_id")
      .orderBy("article_tags.position")
      .execute();
    for (const r of rows) {
      tags.get(r.article_id)?.push({ slug: r.slug, name: r.name, origin: r.origin as TagOrigin });
    }
  }
  return tags;
}

/** Removes every tag of these articles (before their tag sets are rewritten). */
export async function deleteArticleTags(
  db: Kysely<Database>,
  articleIds: readonly string[],
): Promise<void> {
  for (const slice of chunk(articleIds)) {
    await db.deleteFrom("article_tags").where("article_id", "in", slice).execute();
  }
}

/** Writes the tag lists of articles that have none stored; a tag's first-seen name is kept. */
export async function writeArticleTags(
  db: Kysely<Database>,
  dialect: StoreDialect,
  lists: readonly ArticleTags[],
): Promise<void> {
  const names = new Map<string, string>();
  for (const { tags } of lists)
    for (const t of tags) if (!names.has(t.slug)) names.set(t.slug, t.name);
  const tags = [...names].map(([slug, name]) => ({ slug, name }));
  await insertRows(db, dialect, "tags", ["slug", "name"], tags, {
    perStatement: TAG_BATCH_SIZE,
    onConflict: 'on conflict ("slug") do nothing',
  });
  const links = lists.flatMap(({ articleId, tags }) =>
    tags.map((t, position) => ({
      article_id: articleId,
      slug: t.slug,
      origin: t.origin,
      position,
    })),
  );
  await insertRows(
    db,
    dialect,
    "article_tags",
    ["article_id", "slug", "origin", "position"],
    links,
    {
      perStatement: TAG_BATCH_SIZE,
    },
  );
}
