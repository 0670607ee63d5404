/** Runs one call per key at a time; concurrent callers with the same key share its promise. */
export function createSingleFlight<T>() {
  const inFlight = new Map<string, Promise<T>>();
  return (key: string, run: () => Promise<T>): Promise<T> => {
    const running = inFlight.get(key);
    if (running) return running;
    const p = run().finally(() => inFlight.delete(key));
    inFlight.set(key, p);
    return p;
  };
}

/**
 * Loads values by id with at most one load in flight per id: a caller asking for ids that are
 * already being loaded waits for those loads, and loads only the rest (in one call).
 */
export function createBatchSingleFlight<V>() {
  const inFlight = new Map<string, Promise<V | undefined>>();
  return async (
    ids: readonly string[],
    load: (ids: string[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V>> => {
    const fresh = [...new Set(ids)].filter((id) => !inFlight.has(id));
    if (fresh.length > 0) {
      const loading = load(fresh);
      for (const id of fresh) {
        const one = loading.then((found) => found.get(id));
        // The waiter below reports the failure; this copy must not be an unhandled rejection.
        one.catch(() => undefined);
        inFlight.set(id, one);
      }
      loading.then(forget, forget);
      function forget() {
        for (const id of fresh) inFlight.delete(id);
      }
    }
    const values = await Promise.all(ids.map((id) => inFlight.get(id)));
    const found = new Map<string, V>();
    ids.forEach((id, i) => {
      const value = values[i];
      if (value !== undefined) found.set(id, value);
    });
    return found;
  };
}
