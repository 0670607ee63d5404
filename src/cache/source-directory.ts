import { LRUCache } from "lru-cache";
import type { Source } from "../domain/source";
import type { Store } from "../store/store";
import { createBatchSingleFlight } from "./single-flight";

/**
 * Sources held in process memory: a small table that every headline names. An entry lives for
 * `ttlMs` (fetch state such as health changes behind it); changes made here are dropped at once.
 */
export interface SourceDirectory<V> {
  /** Sources by id (removed ones included); unknown ids are absent. */
  get(ids: readonly string[]): Promise<Map<string, V>>;
  /** Forgets these sources (or all), so the next read loads them afresh. */
  invalidate(ids?: readonly string[]): void;
}

/** Returns a directory over the store that keeps each source as `view` made it. */
export function createSourceDirectory<V extends object>(deps: {
  store: Pick<Store, "getSources">;
  view: (source: Source) => V;
  ttlMs: number;
  /** Most sources held; the least recently read go first. */
  maxEntries: number;
  now?: () => number;
}): SourceDirectory<V> {
  const held = new LRUCache<string, V>({
    max: deps.maxEntries,
    ttl: deps.ttlMs,
    ...(deps.now ? { perf: { now: deps.now }, ttlResolution: 0 } : {}),
  });
  const flight = createBatchSingleFlight<V>();
  const load = async (ids: string[]) => {
    const loaded = new Map<string, V>();
    for (const source of await deps.store.getSources(ids)) {
      const value = deps.view(source);
      held.set(source.id, value);
      loaded.set(source.id, value);
    }
    return loaded;
  };
  return {
    async get(ids) {
      const found = new Map<string, V>();
      const misses: string[] = [];
      for (const id of ids) {
        const value = held.get(id);
        if (value !== undefined) found.set(id, value);
        else misses.push(id);
      }
      if (misses.length === 0) return found;
      for (const [id, value] of await flight(misses, load)) found.set(id, value);
      return found;
    },
    invalidate(ids) {
      if (ids === undefined) held.clear();
      else for (const id of ids) held.delete(id);
    },
  };
}
