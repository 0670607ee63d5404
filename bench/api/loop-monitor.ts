import { monitorEventLoopDelay } from "node:perf_hooks";

/** Event-loop delay of this process since the last reset, in milliseconds. */
export interface LoopMonitor {
  reset(): void;
  read(): { p50Ms: number; p99Ms: number; maxMs: number };
  stop(): void;
}

const NS_PER_MS = 1e6;

/** Starts sampling this process's event-loop delay (every 10 ms, Node's default). */
export function createLoopMonitor(): LoopMonitor {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return {
    reset: () => histogram.reset(),
    read: () => {
      // An empty histogram (no sample yet) reports huge minimums; say zero instead.
      if (histogram.count === 0) return { p50Ms: 0, p99Ms: 0, maxMs: 0 };
      return {
        p50Ms: histogram.percentile(50) / NS_PER_MS,
        p99Ms: histogram.percentile(99) / NS_PER_MS,
        maxMs: histogram.max / NS_PER_MS,
      };
    },
    stop: () => histogram.disable(),
  };
}
