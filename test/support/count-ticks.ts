/** Counts turns of the event loop (setImmediate) until stopped. */
export function countTicks(): { count(): number; reach(n: number): Promise<void>; stop(): void } {
  let ticks = 0;
  let stopped = false;
  const waiting: { n: number; resolve: () => void }[] = [];
  const turn = () => {
    if (stopped) return;
    ticks++;
    for (const w of waiting.filter((w) => ticks >= w.n)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
    setImmediate(turn);
  };
  setImmediate(turn);
  return {
    count: () => ticks,
    reach: (n) => new Promise((resolve) => waiting.push({ n, resolve })),
    stop: () => {
      stopped = true;
    },
  };
}
