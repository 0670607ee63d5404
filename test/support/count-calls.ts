/** Wraps an object so every method call is counted by name; the object behaves as before. */
export function countCalls<T extends object>(
  target: T,
): { proxy: T; calls: Map<string, number>; total(): number } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        return value.apply(obj, args);
      };
    },
  });
  return { proxy, calls, total: () => [...calls.values()].reduce((a, b) => a + b, 0) };
}
