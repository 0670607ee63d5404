import { Redis } from "ioredis";

/** What the bench reads from a private redis-server it started. */
export interface RedisProbe {
  /** Commands the server has run in all, the probe's own INFO calls left out. */
  commandCalls(): Promise<number>;
  /** Mean MEMORY USAGE of up to `sample` keys matching the first pattern that has any. */
  meanKeyBytes(patterns: readonly string[], sample: number): Promise<KeyBytes | null>;
  close(): Promise<void>;
}

/** The mean size of cached values of one kind. */
export interface KeyBytes {
  pattern: string;
  keys: number;
  meanBytes: number;
}

/** Connects to the Redis at `url` (only ever a server the bench started itself). */
export function createRedisProbe(url: string): RedisProbe {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  // A failed command rejects where it is awaited; a lost connection (the server stopped on
  // Ctrl-C before the probe closed) is no news worth printing.
  client.on("error", () => undefined);
  return {
    async commandCalls() {
      const info = await client.info("commandstats");
      let calls = 0;
      for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
        if (match[1] !== "info") calls += Number(match[2]);
      }
      return calls;
    },
    async meanKeyBytes(patterns, sample) {
      for (const pattern of patterns) {
        const keys = await scanKeys(client, pattern, sample);
        if (keys.length === 0) continue;
        const sizes = await Promise.all(keys.map((k) => client.memory("USAGE", k)));
        const total = sizes.reduce<number>((n, s) => n + (s ?? 0), 0);
        return { pattern, keys: keys.length, meanBytes: total / keys.length };
      }
      return null;
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

async function scanKeys(client: Redis, pattern: string, limit: number): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await client.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== "0" && keys.length < limit);
  return keys.slice(0, limit);
}
