import { LRUCache } from "lru-cache";
import type { Cache } from "../cache/cache";
import type { CacheKeys } from "../cache/cache-keys";
import {
  CACHE_SCOPES,
  type CacheScope,
  type GenerationSnapshot,
  type Generations,
  readSnapshot,
} from "../cache/generations";

/** A whole GraphQL response kept for reuse, with what it was made of. */
export interface StoredResponse {
  /** The JSON body exactly as sent (UTF-8): written out as it is, never encoded again. */
  body: Buffer;
  /** Strong validator of the body, quoted (`"…"`). */
  etag: string;
  /** When it was made (epoch ms) and for how many seconds it stays fresh. */
  storedAt: number;
  maxAge: number;
  /** The generations of the scopes it read, when it was made. */
  generations: Partial<GenerationSnapshot>;
}

/** Where whole responses are kept: in process, or in the shared cache (Redis). */
export interface ResponseStore {
  /** The response under `key` (null: none) and the current generations, in one round trip. */
  lookup(key: string): Promise<{ stored: StoredResponse | null; current: GenerationSnapshot }>;
  keep(key: string, response: StoredResponse): Promise<void>;
  clear(): Promise<void>;
}

/** Whether a stored response may still be served: within its age, and nothing it read changed. */
export function isFresh(stored: StoredResponse, current: GenerationSnapshot, now: number): boolean {
  if (now - stored.storedAt >= stored.maxAge * 1000) return false;
  for (const scope in stored.generations) {
    const at = stored.generations[scope as CacheScope];
    if (at !== current[scope as CacheScope]) return false;
  }
  return true;
}

/** Responses in this process, bounded in bytes. */
export function createMemoryResponseStore(opts: {
  generations: Generations;
  maxBytes: number;
}): ResponseStore {
  const kept = new LRUCache<string, StoredResponse>({
    maxSize: opts.maxBytes,
    sizeCalculation: (r) => Math.max(1, r.body.length),
  });
  return {
    lookup: async (key) => ({
      stored: kept.get(key) ?? null,
      current: await opts.generations.current(),
    }),
    keep: async (key, response) => {
      kept.set(key, response, { ttl: response.maxAge * 1000 });
    },
    clear: async () => kept.clear(),
  };
}

/**
 * Responses in the shared cache: the response and the generation counters are read with one
 * MGET. Stored as one line of JSON (validator, time, age, generations), a newline, the body;
 * anything else found there is read as a miss.
 */
export function createSharedResponseStore(opts: {
  cache: Cache;
  keys: CacheKeys;
  generations: Generations;
}): ResponseStore {
  const counterKeys = opts.generations.keys ?? CACHE_SCOPES.map((s) => opts.keys.generation(s));
  return {
    async lookup(key) {
      const [bytes, ...counters] = await opts.cache.getManyBuffers([
        opts.keys.response(key),
        ...counterKeys,
      ]);
      return {
        stored: bytes === null ? null : decodeStored(bytes),
        current: readSnapshot(counters.map((c) => c?.toString() ?? null)),
      };
    },
    keep: (key, response) =>
      opts.cache.setMany([
        {
          key: opts.keys.response(key),
          value: encodeStored(response),
          ttlSeconds: response.maxAge,
        },
      ]),
    clear: () => opts.cache.clear(),
  };
}

const NEWLINE = 0x0a;

function encodeStored(r: StoredResponse): Buffer {
  const head = { e: r.etag, t: r.storedAt, m: r.maxAge, g: r.generations };
  return Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), r.body]);
}

// The body is a view of the bytes read: sent on without a copy.
function decodeStored(bytes: Buffer): StoredResponse | null {
  const newline = bytes.indexOf(NEWLINE);
  if (newline < 0) return null;
  try {
    const head = JSON.parse(bytes.subarray(0, newline).toString()) as Record<string, unknown>;
    const { e, t, m, g } = head;
    if (typeof e !== "string" || typeof t !== "number" || typeof m !== "number") return null;
    if (typeof g !== "object" || g === null || Array.isArray(g)) return null;
    return {
      body: bytes.subarray(newline + 1),
      etag: e,
      storedAt: t,
      maxAge: m,
      generations: g as Partial<GenerationSnapshot>,
    };
  } catch {
    return null;
  }
}
