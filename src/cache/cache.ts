/** Health of the cache as /readyz reports it. */
export type CacheState = "memory" | "up" | "down";

/**
 * A small key-value cache (Redis or in-process LRU). Every method is best-effort: failures are
 * swallowed and reported as misses, so no request fails because the cache failed.
 */
export interface Cache {
  readonly kind: "memory" | "redis";
  /** Values for keys, in order; null for a miss or when the cache is unavailable. */
  getMany(keys: readonly string[]): Promise<(string | null)[]>;
  /** The same as bytes, as stored (a value sent on as it is need not be decoded and encoded). */
  getManyBuffers(keys: readonly string[]): Promise<(Buffer | null)[]>;
  /** Stores values (text, or bytes) with a TTL in seconds. */
  setMany(
    entries: readonly { key: string; value: string | Buffer; ttlSeconds: number }[],
  ): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  /** Atomically increments an integer counter and returns its new value, or null if unavailable. */
  increment(key: string): Promise<number | null>;
  /**
   * Claims `key` for `ms` milliseconds unless someone holds it: a token when this caller now
   * holds it, false when another does, null when no claim can be made (the cache is down).
   */
  claim(key: string, ms: number): Promise<string | false | null>;
  /** Gives up a claim, if the token still holds it (a lapsed claim another took is left). */
  release(key: string, token: string): Promise<void>;
  /** Drops every value this cache holds (counters kept elsewhere are untouched). */
  clear(): Promise<void>;
  state(): CacheState;
  close(): Promise<void>;
}
