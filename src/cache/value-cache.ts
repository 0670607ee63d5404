import { LRUCache } from "lru-cache";
import type { Cache } from "./cache";

/**
 * A cache of values of one shape: in this process (the values themselves, shared by every
 * reader, so never mutated) or in a shared cache (encoded). Best-effort like Cache: a failure
 * or a value that does not decode is a miss.
 */
export interface ValueCache<T> {
  /** Values for keys, in order; null for a miss. */
  get(keys: readonly string[]): Promise<(T | null)[]>;
  /** Stores values with a TTL in seconds. */
  set(entries: readonly { key: string; value: T; ttlSeconds: number }[]): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  /** Drops every value. */
  clear(): Promise<void>;
}

/** How values are written to and read from text; `decode` returns null for a bad value. */
export interface ValueCodec<T> {
  encode(value: T): string;
  decode(text: string): T | null;
}

/** Options of {@link createMemoryValueCache}. */
export interface MemoryValueCacheOptions<T> {
  /** Most values kept. */
  maxEntries: number;
  /** With `sizeOf`, the most bytes kept (values weighed by `sizeOf`). */
  maxBytes?: number;
  sizeOf?: (value: T) => number;
  /** Clock in milliseconds for TTLs; injectable for tests. */
  now?: () => number;
}

/** Returns an in-process LRU of values (no encoding: a hit costs a map lookup). */
export function createMemoryValueCache<T extends object>(
  opts: MemoryValueCacheOptions<T>,
): ValueCache<T> {
  const lru = new LRUCache<string, T>({
    max: opts.maxEntries,
    ...(opts.maxBytes && opts.sizeOf
      ? { maxSize: opts.maxBytes, sizeCalculation: (v: T) => Math.max(1, opts.sizeOf!(v)) }
      : {}),
    ...(opts.now ? { perf: { now: opts.now }, ttlResolution: 0 } : {}),
  });
  return {
    async get(keys) {
      return keys.map((key) => lru.get(key) ?? null);
    },
    async set(entries) {
      for (const { key, value, ttlSeconds } of entries) {
        if (ttlSeconds > 0) lru.set(key, value, { ttl: ttlSeconds * 1000 });
      }
    },
    async delete(keys) {
      for (const key of keys) lru.delete(key);
    },
    async clear() {
      lru.clear();
    },
  };
}

/**
 * Returns a value cache over a shared text cache (Redis): values are encoded on the way in and
 * decoded on the way out; a value that does not decode is deleted and read as a miss, so one
 * bad entry costs one store read, never an error.
 */
export function createEncodedValueCache<T>(
  cache: Cache,
  codec: ValueCodec<T>,
  onBadValue: (key: string) => void = () => undefined,
): ValueCache<T> {
  return {
    async get(keys) {
      const texts = await cache.getMany(keys);
      const bad: string[] = [];
      const values = texts.map((text, i) => {
        if (text === null) return null;
        const value = decodeSafely(codec, text);
        if (value === null) bad.push(keys[i]);
        return value;
      });
      if (bad.length > 0) {
        bad.forEach(onBadValue);
        await cache.delete(bad);
      }
      return values;
    },
    set: (entries) =>
      cache.setMany(
        entries.map((e) => ({
          key: e.key,
          value: codec.encode(e.value),
          ttlSeconds: e.ttlSeconds,
        })),
      ),
    delete: (keys) => cache.delete(keys),
    clear: () => cache.clear(),
  };
}

function decodeSafely<T>(codec: ValueCodec<T>, text: string): T | null {
  try {
    return codec.decode(text);
  } catch {
    return null;
  }
}
