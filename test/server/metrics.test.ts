import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createLogger } from "../../src/logger";
import { startServer, type Running } from "../../src/main";
import { startHttpServer, type TestHttpServer } from "../support/http-server";
import { testConfig } from "../support/test-config";

const KEY = "metrics-admin-key-0123456789";
const FEED = readFileSync(join(__dirname, "../fixtures/seed/feed.xml"));

describe("/metrics", () => {
  let running: Running;
  let site: TestHttpServer;
  let base: string;
  beforeAll(async () => {
    site = await startHttpServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(FEED);
    });
    running = await startServer(testConfig({ apiKeys: [KEY] }), createLogger({ level: "silent" }));
    base = running.url!.replace(/\/graphql$/, "");
  });
  afterAll(async () => {
    await running.stop();
    await site.close();
  });

  const post = (query: string, key?: string) =>
    fetch(running.url!, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(key && { authorization: `Bearer ${key}` }),
      },
      body: JSON.stringify({ query }),
    });

  /** The value of one series in the text format (0 when absent). */
  const valueOf = (text: string, series: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  };

  it("counts requests, operations, cache hits, errors, fetches and store queries", async () => {
    const added = await post(
      `mutation { addSource(input: { id: "seed", url: "${site.url}/feed.xml", discover: false }) { id } }`,
      KEY,
    );
    expect(await added.json()).toEqual({ data: { addSource: { id: "seed" } } });
    const refreshed = await post(`mutation Refresh { refreshSource(id: "seed") { ok } }`, KEY);
    expect(await refreshed.json()).toEqual({ data: { refreshSource: { ok: true } } });
    for (let i = 0; i < 2; i++) await post(`query Front { headlines(first: 3) { totalCount } }`);
    await post(`query Broken { nope }`);

    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(valueOf(text, 'newsgate_http_requests_total{route="/graphql",status="200"}')).toBe(4);
    expect(valueOf(text, 'newsgate_http_requests_total{route="/graphql",status="400"}')).toBe(1);
    // The first Front and the Broken query miss; the second Front is served from the cache.
    expect(valueOf(text, 'newsgate_response_cache_total{outcome="miss"}')).toBe(2);
    expect(valueOf(text, 'newsgate_response_cache_total{outcome="hit"}')).toBe(1);
    expect(
      valueOf(
        text,
        'newsgate_graphql_operations_total{operation="Front",type="query",outcome="ok"}',
      ),
    ).toBe(1);
    expect(
      valueOf(
        text,
        'newsgate_graphql_operations_total{operation="Refresh",type="mutation",outcome="ok"}',
      ),
    ).toBe(1);
    expect(valueOf(text, 'newsgate_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(
      1,
    );
    expect(valueOf(text, 'newsgate_fetches_total{status="200",outcome="ok"}')).toBe(1);
    expect(valueOf(text, 'newsgate_items_ingested_total{result="inserted"}')).toBe(4);
    expect(valueOf(text, "newsgate_store_query_duration_seconds_count")).toBeGreaterThan(0);
    expect(valueOf(text, "newsgate_subscriptions_open")).toBe(0);
    expect(valueOf(text, "newsgate_views_buffered")).toBe(0);
    expect(text).toMatch(/^newsgate_process_cpu_user_seconds_total \d/m);
  });
});
