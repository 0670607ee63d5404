import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, type Config } from "../../src/config";
import type { SourceDefinition } from "../../src/domain/source";

/** A validated config for tests: no sources file, port 0 on 127.0.0.1, scheduler off. */
export function testConfig(
  overrides: Partial<Config> & { sources?: SourceDefinition[] } = {},
): Config {
  const dir = mkdtempSync(join(tmpdir(), "newsgate-cfg-"));
  const base = loadConfig(
    { NODE_ENV: "test", LOG_LEVEL: "silent" },
    { cwd: dir, packageRoot: dir },
  );
  return {
    ...base,
    port: 0,
    host: "127.0.0.1",
    databaseUrl: `sqlite:${join(dir, "newsgate.db")}`,
    scheduler: { ...base.scheduler, enabled: false },
    // Parse threads load compiled JavaScript; under ts-jest the sources are TypeScript.
    parse: { ...base.parse, threads: 0 },
    // Reader threads load compiled JavaScript too.
    sqliteReadThreads: 0,
    // Test feeds are served from 127.0.0.1, which the fetcher refuses by default.
    fetch: { ...base.fetch, allowPrivateNetworks: true },
    // Tests send many requests from one address; the rate-limit tests turn the limits on.
    rateLimit: { anonymous: null, apiKey: null },
    ...overrides,
  };
}

/** POSTs a GraphQL operation to a running gateway and returns the parsed JSON body. */
export async function postGraphql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; body: { data?: any; errors?: any[] } }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
}
