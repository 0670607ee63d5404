import { createHash } from "node:crypto";

/** The one place cache key names are built; every key starts with the prefix. */
export interface CacheKeys {
  readonly prefix: string;
  /** What every cached value's key starts with (counters and limits live outside it). */
  readonly namespace: string;
  /** Key of one article's card (all but the story text), in the current card shape. */
  card(id: string): string;
  /** Key of one article's story text, in the current shape. */
  body(id: string): string;
  /** Key of one automatic persisted query, by its sha256 hash. */
  persistedQuery(hash: string): string;
  /** Key of a scope's generation counter (bumped on change instead of deleting what it made). */
  generation(scope: string): string;
  /** Key of one cached headlines result for a generation and a query hash. */
  headlines(generation: number, queryHash: string): string;
  /** Key of one ranking (article ids, best first) of one generation. */
  ranking(name: string, generation: string): string;
  /** Key of one whole cached response, by the hash of its request. */
  response(requestHash: string): string;
  /** Short sha1 hex of a value's stable JSON (object keys sorted), for use in keys. */
  hashQuery(query: unknown): string;
}

const HASH_LENGTH = 16;
// Bump when ArticleCard or ArticleBody change shape.
const CARD_SHAPE = 1;
const BODY_SHAPE = 1;

/** Returns the key builder for a prefix (`ng:` by default). */
export function createCacheKeys(prefix = "ng:"): CacheKeys {
  // Cached values live under `c:`, apart from view counts and limits, so clearing the cache
  // leaves those alone.
  const namespace = `${prefix}c:`;
  // List keys share the `{lists}` hash tag so the generation and the lists it versions live in
  // one Redis Cluster slot; article keys stay untagged so they spread over the cluster.
  const lists = `${namespace}{lists}:`;
  return {
    prefix,
    namespace,
    // The shape version in the key: a deploy that changes a shape never reads the old one.
    card: (id) => `${namespace}card:v${CARD_SHAPE}:${id}`,
    body: (id) => `${namespace}body:v${BODY_SHAPE}:${id}`,
    persistedQuery: (hash) => `${namespace}apq:${hash}`,
    generation: (scope) => `${lists}generation:${scope}`,
    ranking: (name, generation) => `${namespace}ranking:${name}:${generation}`,
    response: (requestHash) => `${namespace}response:${requestHash}`,
    headlines: (generation, queryHash) => `${lists}headlines:${generation}:${queryHash}`,
    hashQuery: (query) =>
      createHash("sha1").update(stringifyStable(query)).digest("hex").slice(0, HASH_LENGTH),
  };
}

/** JSON with object keys sorted at every depth, so equal values hash equally. */
export function stringifyStable(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }) ?? "undefined"
  );
}
