import DataLoader from "dataloader";
import type { Article, ArticleStats, Tag } from "../domain/article";
import type { Source } from "../domain/source";
import type { ArticleReads } from "../cache/article-reads";
import type { Store } from "../store/store";

/** Per-request batching loaders: each level of a query makes one call per loader. */
export interface Loaders {
  article: DataLoader<string, Article | null>;
  tags: DataLoader<string, Tag[]>;
  source: DataLoader<string, Source | null>;
  stats: DataLoader<string, ArticleStats>;
}

const NO_STATS: ArticleStats = { views: 0, sourceRank: null };

/** Creates fresh loaders for one request (their caches never outlive it). */
export function createLoaders(deps: { reads: ArticleReads; store: Store }): Loaders {
  const tags = new DataLoader<string, Tag[]>(async (ids) => {
    const byId = await deps.store.getTagsForArticles(ids);
    return ids.map((id) => byId.get(id) ?? []);
  });
  const article = new DataLoader<string, Article | null>(async (ids) => {
    const byId = await deps.reads.getArticles(ids);
    return ids.map((id) => {
      const a = byId.get(id) ?? null;
      // Articles arrive with their tags; priming spares Article.tags a second trip.
      if (a) tags.prime(id, a.tags);
      return a;
    });
  });
  const source = new DataLoader<string, Source | null>(async (ids) => {
    const byId = new Map((await deps.store.getSources(ids)).map((s) => [s.id, s]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const stats = new DataLoader<string, ArticleStats>(async (ids) => {
    const byId = await deps.store.getArticleStats(ids);
    return ids.map((id) => byId.get(id) ?? NO_STATS);
  });
  return { article, tags, source, stats };
}
