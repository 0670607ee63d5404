import type { Cache } from "./cache";
import type { CacheKeys } from "./cache-keys";

/** What a cached response can depend on; each has a generation bumped when it changes. */
export type CacheScope = "articles" | "views" | "sources";

/** Every scope, in a fixed order. */
export const CACHE_SCOPES: readonly CacheScope[] = ["articles", "views", "sources"];

/** The generation of every scope at one moment. */
export type GenerationSnapshot = Readonly<Record<CacheScope, number>>;

/**
 * Generation counters: bumping one retires every cached value made from the older state of its
 * scope (lists on ingest, rankings on a view flush) without finding and deleting them.
 */
export interface Generations {
  current(): Promise<GenerationSnapshot>;
  bump(scope: CacheScope): Promise<void>;
  /** The keys the counters live under in a shared cache, in CACHE_SCOPES order (none in process). */
  readonly keys: readonly string[] | null;
}

/** Counters in this process (kept apart from any LRU, so never evicted). */
export function createMemoryGenerations(): Generations {
  const counts: Record<CacheScope, number> = { articles: 0, views: 0, sources: 0 };
  return {
    current: async () => ({ ...counts }),
    bump: async (scope) => {
      counts[scope]++;
    },
    keys: null,
  };
}

/** Counters in the shared cache (Redis), seen by every instance; a failure reads as 0. */
export function createSharedGenerations(cache: Cache, keys: CacheKeys): Generations {
  const counterKeys = CACHE_SCOPES.map((scope) => keys.generation(scope));
  return {
    current: async () => readSnapshot(await cache.getMany(counterKeys)),
    bump: async (scope) => {
      await cache.increment(keys.generation(scope));
    },
    keys: counterKeys,
  };
}

/** The snapshot in counter values read in CACHE_SCOPES order (missing: 0). */
export function readSnapshot(values: readonly (string | null)[]): GenerationSnapshot {
  const [articles, views, sources] = values.map((v) => Number(v ?? 0) || 0);
  return { articles, views, sources };
}
