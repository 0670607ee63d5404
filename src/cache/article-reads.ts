import type { Article } from "../domain/article";
import type { HeadlinePage, HeadlinePageQuery, Store } from "../store/store";
import type { Cache } from "./cache";
import type { CacheKeys } from "./cache-keys";
import { createSingleFlight } from "./single-flight";

/** Cached reads of articles and headline pages, in front of the store. */
export interface ArticleReads {
  /** Articles by id (cache-aside): one cache round trip, one store call for the misses. */
  getArticles(ids: readonly string[]): Promise<Map<string, Article>>;
  /** A headline page, cached under the current list generation. */
  listLatest(query: HeadlinePageQuery): Promise<HeadlinePage>;
  /** Drops cached copies of changed articles and retires every cached list. */
  invalidate(changedIds: readonly string[]): Promise<void>;
}

/** Builds the cache-aside read path; every cache failure falls back to the store. */
export function createArticleReads(deps: {
  store: Store;
  cache: Cache;
  keys: CacheKeys;
  articleTtlSeconds: number;
  listTtlSeconds: number;
}): ArticleReads {
  const { store, cache, keys } = deps;
  const listFlight = createSingleFlight<HeadlinePage>();

  async function getArticles(ids: readonly string[]): Promise<Map<string, Article>> {
    const found = new Map<string, Article>();
    if (ids.length === 0) return found;
    const cached = await cache.getMany(ids.map((id) => keys.article(id)));
    const misses = ids.filter((id, i) => {
      const hit = cached[i];
      if (hit !== null) found.set(id, JSON.parse(hit) as Article);
      return hit === null;
    });
    if (misses.length === 0) return found;
    const loaded = await store.getArticles(misses);
    for (const a of loaded) found.set(a.id, a);
    await cache.setMany(
      loaded.map((a) => ({
        key: keys.article(a.id),
        value: JSON.stringify(a),
        ttlSeconds: deps.articleTtlSeconds,
      })),
    );
    return found;
  }

  async function listLatest(query: HeadlinePageQuery): Promise<HeadlinePage> {
    const [generation] = await cache.getMany([keys.listGeneration()]);
    const key = keys.headlines(Number(generation ?? 0), keys.hashQuery(query));
    return listFlight(key, async () => {
      const [hit] = await cache.getMany([key]);
      if (hit !== null) return JSON.parse(hit) as HeadlinePage;
      const page = await store.listLatest(query);
      await cache.setMany([{ key, value: JSON.stringify(page), ttlSeconds: deps.listTtlSeconds }]);
      return page;
    });
  }

  async function invalidate(changedIds: readonly string[]): Promise<void> {
    if (changedIds.length > 0) await cache.delete(changedIds.map((id) => keys.article(id)));
    await cache.increment(keys.listGeneration());
  }

  return { getArticles, listLatest, invalidate };
}
