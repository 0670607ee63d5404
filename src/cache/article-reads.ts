import type { ArticleBody, ArticleCard } from "../domain/article-card";
import { encodeLatestCursor } from "../domain/latest-cursor";
import type { HeadlinePage, HeadlinePageQuery, Store } from "../store/store";
import type { Cache } from "./cache";
import type { CacheKeys } from "./cache-keys";
import type { Generations } from "./generations";
import { createSharedFill } from "./shared-fill";
import { createBatchSingleFlight } from "./single-flight";
import type { ValueCache } from "./value-cache";

/** Cached reads of article cards, story texts and headline pages, in front of the store. */
export interface ArticleReads {
  /** Cards by id (cache-aside): one cache round trip, one store call for the misses. */
  getCards(ids: readonly string[]): Promise<Map<string, ArticleCard>>;
  /** Story texts by id, the same way. */
  getBodies(ids: readonly string[]): Promise<Map<string, ArticleBody>>;
  /** A headline page with its cursors, cached under the current list generation. */
  listLatest(query: HeadlinePageQuery): Promise<CursoredPage>;
  /** Drops cached copies of changed articles and retires every cached list. */
  invalidate(changedIds: readonly string[]): Promise<void>;
}

/** A headline page and the cursor of each of its items (encoded once, kept with the page). */
export interface CursoredPage extends HeadlinePage {
  cursors: string[];
}

/** Where the read path keeps what it caches. */
export interface ArticleValueCaches {
  cards: ValueCache<ArticleCard>;
  bodies: ValueCache<ArticleBody>;
  pages: ValueCache<CursoredPage>;
}

/**
 * Builds the cache-aside read path; every cache failure falls back to the store, and a burst of
 * misses for one id (or one page) makes one store call; a cold page is made by one instance
 * of those sharing `claims` (see createSharedFill).
 */
export function createArticleReads(deps: {
  store: Store;
  /** The list generation (`articles`), bumped by `invalidate`. */
  generations: Generations;
  values: ArticleValueCaches;
  /** Where instances claim a cold page so that one of them loads it. */
  claims: Pick<Cache, "claim" | "release">;
  keys: CacheKeys;
  articleTtlSeconds: number;
  listTtlSeconds: number;
}): ArticleReads {
  const { store, generations, values, keys } = deps;
  const fillPage = createSharedFill(values.pages, deps.claims);
  const cardFlight = createBatchSingleFlight<ArticleCard>();
  const bodyFlight = createBatchSingleFlight<ArticleBody>();

  /** Reads ids through a value cache, loading and storing the misses. */
  async function readThrough<V>(
    ids: readonly string[],
    cached: ValueCache<V>,
    keyOf: (id: string) => string,
    load: (misses: string[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V>> {
    const found = new Map<string, V>();
    if (ids.length === 0) return found;
    const hits = await cached.get(ids.map(keyOf));
    const misses = ids.filter((id, i) => {
      const hit = hits[i];
      if (hit !== null) found.set(id, hit);
      return hit === null;
    });
    if (misses.length === 0) return found;
    for (const [id, value] of await load(misses)) found.set(id, value);
    return found;
  }

  /** Loads from the store and writes what it found to the cache (one flight per id). */
  const loadAndKeep =
    <V>(
      cached: ValueCache<V>,
      keyOf: (id: string) => string,
      fromStore: (ids: string[]) => Promise<Map<string, V>>,
    ) =>
    async (ids: string[]): Promise<Map<string, V>> => {
      const loaded = await fromStore(ids);
      await cached.set(
        [...loaded].map(([id, value]) => ({
          key: keyOf(id),
          value,
          ttlSeconds: deps.articleTtlSeconds,
        })),
      );
      return loaded;
    };

  const loadCards = loadAndKeep(values.cards, keys.card, async (ids) => {
    const cards = await store.getArticleCards(ids);
    return new Map(cards.map((c) => [c.id, c]));
  });
  const loadBodies = loadAndKeep(values.bodies, keys.body, (ids) => store.getArticleBodies(ids));

  async function listLatest(query: HeadlinePageQuery): Promise<CursoredPage> {
    const { articles } = await generations.current();
    const key = keys.headlines(articles, keys.hashQuery(query));
    return fillPage(
      key,
      async () => {
        const found = await store.listLatest(query);
        return { ...found, cursors: found.items.map(encodeLatestCursor) };
      },
      deps.listTtlSeconds,
    );
  }

  return {
    getCards: (ids) =>
      readThrough(ids, values.cards, keys.card, (misses) => cardFlight(misses, loadCards)),
    getBodies: (ids) =>
      readThrough(ids, values.bodies, keys.body, (misses) => bodyFlight(misses, loadBodies)),
    listLatest,
    async invalidate(changedIds) {
      if (changedIds.length > 0) {
        await values.cards.delete(changedIds.map(keys.card));
        await values.bodies.delete(changedIds.map(keys.body));
      }
      await generations.bump("articles");
    },
  };
}
