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
