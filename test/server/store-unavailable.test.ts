import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createLogger } from "../../src/logger";
import { startServer, type Running } from "../../src/main";
import { parseSqlitePath } from "../../src/store/open-database";
import { holdSqliteLock } from "../support/hold-sqlite-lock";
import { startHttpServer, type TestHttpServer } from "../support/http-server";
import { postGraphql, testConfig } from "../support/test-config";

const KEY = "test-admin-key-0123456789";
const feed = readFileSync(join(__dirname, "../fixtures/seed/feed.xml"));

// The real server on a SQLite file whose write lock another process holds throughout.
describe("the API while another process holds the SQLite write lock", () => {
  let site: TestHttpServer;
  let running: Running;
  let databaseUrl: string;
  beforeAll(async () => {
    site = await startHttpServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(feed);
    });
    const config = testConfig({ apiKeys: [KEY] });
    databaseUrl = config.databaseUrl;
    running = await startServer(
      { ...config, store: { ...config.store, busyDeadlineMs: 1000 } },
      createLogger({ level: "silent" }),
    );
  });
  afterAll(async () => {
    await running.stop();
    await site.close();
  });

  it("answers /healthz and reads while refreshSource waits, then refuses it with STORE_UNAVAILABLE", async () => {
    const url = running.url!;
    const headers = { "content-type": "application/json", authorization: `Bearer ${KEY}` };
    const admin = (query: string) =>
      fetch(url, { method: "POST", headers, body: JSON.stringify({ query }) }).then(
        (res) => res.json() as Promise<{ data?: any; errors?: any[] }>,
      );
    const added = await admin(
      `mutation { addSource(input: { url: "${site.url}/feed.xml" }) { id } }`,
    );
    const id = added.data.addSource.id;
    const lock = await holdSqliteLock(parseSqlitePath(databaseUrl));
    try {
      const events: string[] = [];
      const refreshed = admin(`mutation { refreshSource(id: "${id}") { ok } }`).then((r) => {
        events.push("refresh answered");
        return r;
      });
      const health = await fetch(new URL("/healthz", url));
      events.push(`healthz ${health.status}`);
      const read = await postGraphql(url, "{ sources { totalCount } }");
      events.push(`read ${read.body.data?.sources.totalCount}`);
      const refusal = await refreshed;
      expect(events).toEqual(["healthz 200", "read 1", "refresh answered"]);
      expect(refusal.errors).toEqual([
        expect.objectContaining({
          message: "The store cannot take this request right now; try again shortly.",
          extensions: expect.objectContaining({ code: "STORE_UNAVAILABLE" }),
        }),
      ]);
    } finally {
      lock.kill();
    }
  });
});
