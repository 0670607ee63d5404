/** Runs tasks under two caps: one on all tasks at once, one per host. */
export interface HostLimiter {
  /**
   * Runs `task` once fewer than `concurrency` tasks run in all and fewer than `hostConcurrency`
   * on `host`; resolves with its result, or with undefined when `clear()` dropped it unstarted.
   */
  run<R>(host: string, task: () => Promise<R>): Promise<R | undefined>;
  /** Drops every task that has not started yet (they resolve undefined); returns how many. */
  clear(): number;
  /** How many tasks are running now. */
  running(): number;
}

interface Waiting {
  host: string;
  start(): void;
  drop(): void;
}

/** Creates a limiter; waiting tasks start in arrival order, skipping those whose host is full. */
export function createHostLimiter(opts: {
  concurrency: number;
  hostConcurrency: number;
}): HostLimiter {
  const queue: Waiting[] = [];
  const perHost = new Map<string, number>();
  let active = 0;

  const hostFree = (host: string) => (perHost.get(host) ?? 0) < opts.hostConcurrency;

  function pump(): void {
    for (let i = 0; i < queue.length && active < opts.concurrency;) {
      if (hostFree(queue[i].host)) queue.splice(i, 1)[0].start();
      else i++;
    }
  }

  function occupy(host: string, delta: 1 | -1): void {
    active += delta;
    const count = (perHost.get(host) ?? 0) + delta;
    if (count === 0) perHost.delete(host);
    else perHost.set(host, count);
  }

  return {
    run: (host, task) =>
      new Promise((resolve, reject) => {
        const start = () => {
          occupy(host, 1);
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              occupy(host, -1);
              pump();
            });
        };
        queue.push({ host, start, drop: () => resolve(undefined) });
        pump();
      }),
    clear: () => {
      const dropped = queue.splice(0);
      for (const waiting of dropped) waiting.drop();
      return dropped.length;
    },
    running: () => active,
  };
}

/** The bucket a source URL counts against: its host name (ports share one); all files share one. */
export function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "file:" ? "file:" : parsed.hostname;
  } catch {
    return url;
  }
}

/** Runs `task` over sources through `limiter`, bucketed by URL host; dropped ones are left out. */
export async function runPerHost<S extends { url: string }, R>(
  limiter: HostLimiter,
  sources: readonly S[],
  task: (source: S) => Promise<R>,
): Promise<R[]> {
  const results = await Promise.all(
    sources.map((source) => limiter.run(hostOf(source.url), () => task(source))),
  );
  return results.filter((r): r is Awaited<R> => r !== undefined);
}
