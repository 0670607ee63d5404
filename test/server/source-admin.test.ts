import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createLogger } from "../../src/logger";
import { startServer, type Running } from "../../src/main";
import { startHttpServer, type TestHttpServer } from "../support/http-server";
import { testConfig } from "../support/test-config";

const KEY = "test-admin-key-0123456789";
const feed = readFileSync(join(__dirname, "../fixtures/seed/feed.xml"));
const logger = createLogger({ level: "silent" });

async function gql(url: string, query: string, variables: object = {}, key?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(url, {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: any[] };
}
const code = (r: { errors?: any[] }) => r.errors?.[0]?.extensions?.code;

const ADD = `mutation Add($input: AddSourceInput!) { addSource(input: $input) { id name url kind } }`;

describe("admin mutations over HTTP", () => {
  let site: TestHttpServer;
  let running: Running;
  beforeAll(async () => {
    site = await startHttpServer((req, res) => {
      if (req.url !== "/feed.xml") return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(feed);
    });
    running = await startServer(testConfig({ apiKeys: [KEY, "another-key-abcdefghij"] }), logger);
  });
  afterAll(async () => {
    await running.stop();
    await site.close();
  });
  const url = () => running.url!;

  it("refuses every admin mutation without a valid API key, and changes nothing", async () => {
    const input = { url: `${site.url}/feed.xml` };
    for (const key of [undefined, "wrong-key-0123456789", `${KEY}x`]) {
      const res = await gql(url(), ADD, { input }, key);
      expect(code(res)).toBe("UNAUTHENTICATED");
    }
    expect(code(await gql(url(), `mutation { removeSource(id: "x") }`))).toBe("UNAUTHENTICATED");
    expect((await gql(url(), "{ sources { totalCount } }")).data.sources.totalCount).toBe(0);
  });

  it("adds a source with a key, refreshes it, changes it and removes it", async () => {
    const added = await gql(url(), ADD, { input: { url: `${site.url}/feed.xml` } }, KEY);
    expect(added.errors).toBeUndefined();
    expect(added.data.addSource).toMatchObject({
      name: "World News - Latest Headlines",
      kind: "RSS",
    });
    const pace = await gql(
      url(),
      `{ source(id: "${added.data.addSource.id}") { intervalSeconds schedule } }`,
    );
    expect(pace.data.source).toEqual({ intervalSeconds: null, schedule: null });
    const id = added.data.addSource.id;
    const refreshed = await gql(
      url(),
      `mutation { refreshSource(id: "${id}") { sourceId ok status items inserted } }`,
      {},
      KEY,
    );
    expect(refreshed.data.refreshSource).toEqual({
      sourceId: id,
      ok: true,
      status: "200",
      items: 4,
      inserted: 4,
    });
    const renamed = await gql(
      url(),
      `mutation { updateSource(id: "${id}", input: { name: "World", intervalSeconds: 600 }) { name } }`,
      {},
      KEY,
    );
    expect(renamed.data.updateSource).toEqual({ name: "World" });
    const cron = await gql(
      url(),
      `mutation { updateSource(id: "${id}", input: { schedule: "0 3 * * *" }) { schedule intervalSeconds health { lastFetchedAt nextCheckAt nextCheckReason } } }`,
      {},
      KEY,
    );
    const timed = cron.data.updateSource;
    expect(timed).toMatchObject({ schedule: "0 3 * * *", intervalSeconds: null });
    // Planned afresh from the last fetch: the next 03:00 UTC after it.
    const fetchedAt = Date.parse(timed.health.lastFetchedAt);
    const next = Date.parse(timed.health.nextCheckAt);
    expect(timed.health.nextCheckReason).toBe("CRON");
    expect(new Date(next).getUTCHours()).toBe(3);
    expect(next).toBeGreaterThan(fetchedAt);
    expect(next - fetchedAt).toBeLessThanOrEqual(24 * 3600_000);
    const adaptive = await gql(
      url(),
      `mutation { updateSource(id: "${id}", input: { adaptive: true }) { schedule intervalSeconds health { nextCheckReason } } }`,
      {},
      KEY,
    );
    expect(adaptive.data.updateSource).toEqual({
      schedule: null,
      intervalSeconds: null,
      health: { nextCheckReason: "ADAPTIVE" },
    });
    const both = await gql(
      url(),
      `mutation { updateSource(id: "${id}", input: { schedule: "0 * * * *", intervalSeconds: 600 }) { id } }`,
      {},
      KEY,
    );
    expect(code(both)).toBe("BAD_USER_INPUT");
    expect(both.errors![0].message).toMatch(/give one of intervalSeconds, schedule or adaptive/);
    const removed = await gql(
      url(),
      `mutation { removeSource(id: "${id}") }`,
      {},
      "another-key-abcdefghij",
    );
    expect(removed.data.removeSource).toBe(true);
    expect((await gql(url(), `{ source(id: "${id}") { id } }`)).data.source).toBeNull();
    expect(
      (await gql(url(), `mutation { removeSource(id: "${id}") }`, {}, KEY)).data.removeSource,
    ).toBe(false);
  });

  it("answers bad input with BAD_USER_INPUT naming what is wrong", async () => {
    const ftp = await gql(url(), ADD, { input: { url: "ftp://files.example/feed.xml" } }, KEY);
    expect(code(ftp)).toBe("BAD_USER_INPUT");
    expect(ftp.errors![0].message).toMatch(/url/);
    const interval = await gql(
      url(),
      ADD,
      { input: { url: `${site.url}/feed.xml`, intervalSeconds: 5 } },
      KEY,
    );
    expect(interval.errors![0].message).toMatch(/intervalSeconds/);
    await gql(url(), ADD, { input: { url: `${site.url}/feed.xml`, id: "dup" } }, KEY);
    const twice = await gql(url(), ADD, { input: { url: `${site.url}/feed.xml` } }, KEY);
    expect(code(twice)).toBe("BAD_USER_INPUT");
    expect(twice.errors![0].message).toMatch(/already has the URL/);
    const cron = await gql(
      url(),
      `mutation { updateSource(id: "dup", input: { schedule: "often" }) { id } }`,
      {},
      KEY,
    );
    expect(code(cron)).toBe("BAD_USER_INPUT");
    expect(cron.errors![0].message).toMatch(/^schedule: cron expression/);
    const missing = await gql(url(), `mutation { refreshSource(id: "ghost") { ok } }`, {}, KEY);
    expect(missing.errors![0].message).toBe('no source "ghost"');
    expect(code(missing)).toBe("NOT_FOUND");
  });

  it("imports an OPML list, skipping a feed already present", async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="Dup again" xmlUrl="${site.url}/feed.xml"/>
      <outline text="Other" xmlUrl="https://other.example/rss.xml"/></body></opml>`;
    const res = await gql(
      url(),
      `mutation Import($opml: String!) { importOpml(opml: $opml) { added { id url } skipped { url reason } } }`,
      { opml },
      KEY,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.importOpml.added).toEqual([
      { id: "other", url: "https://other.example/rss.xml" },
    ]);
    expect(res.data.importOpml.skipped).toEqual([
      expect.objectContaining({ url: `${site.url}/feed.xml` }),
    ]);
  });
});

describe("admin mutations and the SSRF guard", () => {
  it("refuses a source at a private address unless private networks are allowed", async () => {
    const config = testConfig({ apiKeys: [KEY] });
    const running = await startServer(
      { ...config, fetch: { ...config.fetch, allowPrivateNetworks: false } },
      logger,
    );
    try {
      const res = await gql(
        running.url!,
        ADD,
        { input: { url: "http://10.0.0.8/feed.xml", discover: false } },
        KEY,
      );
      expect(code(res)).toBe("BAD_USER_INPUT");
      expect(res.errors![0].message).toMatch(/10\.0\.0\.8/);
    } finally {
      await running.stop();
    }
  });
});
