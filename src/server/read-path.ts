import {
  type ArticleReads,
  type ArticleValueCaches,
  createArticleReads,
} from "../cache/article-reads";
import type { Cache } from "../cache/cache";
import type { CacheKeys } from "../cache/cache-keys";
import {
  createMemoryGenerations,
  createSharedGenerations,
  type Generations,
} from "../cache/generations";
import { createSourceDirectory, type SourceDirectory } from "../cache/source-directory";
import {
  createEncodedValueCache,
  createMemoryValueCache,
  type ValueCache,
} from "../cache/value-cache";
import { bodyCodec, cardCodec, idListCodec, pageCodec } from "../cache/value-codecs";
import { createRankings, type Rankings } from "../cache/rankings";
import type { ViewCounter } from "../cache/view-counter";
import type { ArticleBody } from "../domain/article-card";
import type { Store } from "../store/store";
import {
  createMemoryResponseStore,
  createSharedResponseStore,
  type ResponseStore,
} from "./response-store";
import { type SourceType, toSourceType } from "../../schema/source.type";

/** What the API reads through: cached articles and pages, and sources held in memory. */
export interface ReadPath {
  reads: ArticleReads;
  /** Sources as GraphQL shows them, held in process memory. */
  sourceViews: SourceDirectory<SourceType>;
  /** Generation counters of what responses and lists are made of. */
  generations: Generations;
  /** Where whole responses are kept (see response-cache). */
  responses: ResponseStore;
  /** HOT and POPULAR, computed once per generation. */
  rankings: Rankings;
  /** Forgets every cached value (articles, pages, sources, responses). */
  clearCaches(): Promise<void>;
  /** Shared-cache values that did not decode (another version, a bad write), deleted as read. */
  badCacheValues(): number;
}

// Sources change rarely and their health is shown as of up to this long ago in lists.
const SOURCE_TTL_MS = 30_000;
const MAX_SOURCES_HELD = 20_000;
// In process: cards are small; stories are weighed (UTF-16 strings) and capped in bytes.
const MEMORY_LIMITS = {
  cards: 50_000,
  bodies: 20_000,
  bodyBytes: 128 * 1024 * 1024,
  pages: 5_000,
  rankings: 200,
  responseBytes: 64 * 1024 * 1024,
};

/** Builds the read path over the store and the cache (values in process, or encoded in Redis). */
export function createReadPath(deps: {
  store: Store;
  cache: Cache;
  views: ViewCounter;
  keys: CacheKeys;
  articleTtlSeconds: number;
  listTtlSeconds: number;
  now?: () => number;
}): ReadPath {
  const memory = deps.cache.kind === "memory";
  let badValues = 0;
  const values = memory
    ? memoryValues()
    : encodedValues(deps.cache, () => {
        badValues++;
      });
  const generations = memory
    ? createMemoryGenerations()
    : createSharedGenerations(deps.cache, deps.keys);
  const sourceViews = createSourceDirectory({
    store: deps.store,
    view: toSourceType,
    ttlMs: SOURCE_TTL_MS,
    maxEntries: MAX_SOURCES_HELD,
    now: deps.now,
  });
  const responses = memory
    ? createMemoryResponseStore({ generations, maxBytes: MEMORY_LIMITS.responseBytes })
    : createSharedResponseStore({ cache: deps.cache, keys: deps.keys, generations });
  const rankings = createRankings({
    ...deps,
    claims: deps.cache,
    generations,
    lists: values.rankings,
    keyOf: deps.keys.ranking,
    now: deps.now ?? Date.now,
  });
  return {
    reads: createArticleReads({ ...deps, claims: deps.cache, values, generations }),
    sourceViews,
    generations,
    responses,
    rankings,
    async clearCaches() {
      sourceViews.invalidate();
      await Promise.all([...Object.values(values), responses, deps.cache].map((c) => c.clear()));
    },
    badCacheValues: () => badValues,
  };
}

function memoryValues(): ArticleValueCaches & { rankings: ValueCache<string[]> } {
  return {
    rankings: createMemoryValueCache({ maxEntries: MEMORY_LIMITS.rankings }),
    cards: createMemoryValueCache({ maxEntries: MEMORY_LIMITS.cards }),
    bodies: createMemoryValueCache<ArticleBody>({
      maxEntries: MEMORY_LIMITS.bodies,
      maxBytes: MEMORY_LIMITS.bodyBytes,
      sizeOf: (b) => 2 * ((b.contentHtml?.length ?? 0) + (b.contentText?.length ?? 0)),
    }),
    pages: createMemoryValueCache({ maxEntries: MEMORY_LIMITS.pages }),
  };
}

function encodedValues(
  cache: Cache,
  onBadValue: () => void,
): ArticleValueCaches & { rankings: ValueCache<string[]> } {
  return {
    rankings: createEncodedValueCache(cache, idListCodec, onBadValue),
    cards: createEncodedValueCache(cache, cardCodec, onBadValue),
    bodies: createEncodedValueCache(cache, bodyCodec, onBadValue),
    pages: createEncodedValueCache(cache, pageCodec, onBadValue),
  };
}
