import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import Database from "better-sqlite3";
import type { IncomingMessage, ServerResponse } from "node:http";
import { builtCli } from "../support/built";
import { startHttpServer, type TestHttpServer } from "../support/http-server";

const SOURCES = ["s1", "s2", "s3", "s4"];
const ITEMS = 3;
// Short leases so a dead worker's sources come back quickly; the heartbeat keeps them alive.
const SHORT_LEASE = { LEASE_MS: "3000", LEASE_RENEW_MS: "1000" };

function feedOf(id: string): string {
  const items = Array.from(
    { length: ITEMS },
    (_, i) =>
      `<item><title>${id} story ${i}</title><link>https://news.example/${id}/${i}</link>` +
      `<guid>${id}-${i}</guid><pubDate>Wed, 04 Feb 2026 10:0${i}:00 GMT</pubDate></item>`,
  ).join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${id}</title>${items}</channel></rss>`;
}

/** Feed server that can hold its answers, and remembers which worker (user agent) asked what. */
function feedServer() {
  const asked: { worker: string; source: string }[] = [];
  const held: { source: string; res: ServerResponse }[] = [];
  let holding = true;
  const answer = (source: string, res: ServerResponse) => {
    if (res.destroyed) return;
    res.writeHead(200, { "content-type": "application/rss+xml" });
    res.end(feedOf(source));
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const source = (req.url ?? "").replace(/^\/|\.xml$/g, "");
    asked.push({ worker: String(req.headers["user-agent"]), source });
    if (holding) held.push({ source, res });
    else answer(source, res);
  };
  return {
    handler,
    asked,
    askedBy: (worker: string) =>
      new Set(asked.filter((a) => a.worker === worker).map((a) => a.source)),
    release() {
      holding = false;
      for (const { source, res } of held.splice(0)) answer(source, res);
    },
  };
}

interface Worker {
  child: ChildProcess;
  output: () => string;
}

describe("newsgate worker processes sharing one SQLite file", () => {
  let server: TestHttpServer;
  let feeds: ReturnType<typeof feedServer>;
  let dir: string;
  const workers: Worker[] = [];

  beforeEach(async () => {
    feeds = feedServer();
    server = await startHttpServer(feeds.handler);
    dir = mkdtempSync(join(tmpdir(), "newsgate-leases-"));
    const sources = SOURCES.map((id) => ({ id, name: id, url: `${server.url}/${id}.xml` }));
    writeFileSync(join(dir, "newsgate.config.json"), JSON.stringify({ sources }));
  });

  afterEach(async () => {
    for (const { child } of workers.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await once(child, "exit");
      }
    }
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function startWorker(id: string, env: Record<string, string>): Worker {
    const child = spawn(process.execPath, [builtCli(), "worker"], {
      env: {
        PATH: process.env.PATH,
        NEWSGATE_CONFIG: join(dir, "newsgate.config.json"),
        DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}`,
        ALLOW_PRIVATE_NETWORKS: "true",
        PARSE_THREADS: "0",
        LOG_LEVEL: "warn",
        WORKER_ID: id,
        FETCH_USER_AGENT: `agent-${id}`,
        SCHEDULER_TICK_MS: "200",
        SCHEDULER_CONCURRENCY: "8",
        SCHEDULER_HOST_CONCURRENCY: "8",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += String(d)));
    child.stderr?.on("data", (d) => (output += String(d)));
    const worker = { child, output: () => output };
    workers.push(worker);
    return worker;
  }

  async function waitFor(what: string, done: () => boolean, ms = 45_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!done()) {
      if (Date.now() > deadline) {
        const logs = workers.map((w) => w.output()).join("\n---\n");
        throw new Error(`timed out waiting for ${what}\n${logs}`);
      }
      await delay(100);
    }
  }

  function readDb<T>(read: (db: Database.Database) => T): T {
    const db = new Database(join(dir, "db.sqlite"), { readonly: true, fileMustExist: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }

  const sourceRows = () =>
    readDb(
      (db) =>
        db
          .prepare("select id, last_status, lease_owner, fetch_count from sources order by id")
          .all() as {
          id: string;
          last_status: string | null;
          lease_owner: string | null;
          fetch_count: number;
        }[],
    );

  const allRecorded = () => {
    try {
      const rows = sourceRows();
      return rows.length === SOURCES.length && rows.every((r) => r.last_status === "200");
    } catch {
      return false; // the file or its tables are not there yet
    }
  };

  function expectEachStoredOnce(): void {
    const counts = readDb(
      (db) =>
        db
          .prepare(
            "select source_id, count(*) as n, count(distinct guid) as guids from articles group by source_id order by source_id",
          )
          .all() as { source_id: string; n: number; guids: number }[],
    );
    expect(counts).toEqual(SOURCES.map((id) => ({ source_id: id, n: ITEMS, guids: ITEMS })));
  }

  it("fetches again every source of a worker killed mid-ingest, once, from the other worker", async () => {
    const a = startWorker("a", SHORT_LEASE);
    await waitFor("worker a to fetch every source", () => feeds.askedBy("agent-a").size === 4);
    const b = startWorker("b", SHORT_LEASE);
    // Two lease periods with a's fetches held: its heartbeat keeps every lease, b takes none.
    await delay(6000);
    expect(feeds.askedBy("agent-b").size).toBe(0);
    a.child.kill("SIGKILL");
    await once(a.child, "exit");
    feeds.release();
    await waitFor("every source recorded", allRecorded);
    expect(feeds.askedBy("agent-b")).toEqual(new Set(SOURCES));
    expectEachStoredOnce();
    expect(sourceRows().map((r) => [r.id, r.lease_owner, r.fetch_count])).toEqual(
      SOURCES.map((id) => [id, null, 1]),
    );
    // A graceful stop: SIGTERM ends the worker with status 0.
    b.child.kill("SIGTERM");
    const [code] = (await once(b.child, "exit")) as [number | null];
    expect(code).toBe(0);
  }, 90_000);

  it("takes its leases back at once when restarted under the same WORKER_ID", async () => {
    // A lease of ten minutes: only taking it back, not its expiry, lets the sources go again.
    const long = { LEASE_MS: "600000" };
    const first = startWorker("same", long);
    await waitFor(
      "the first run to fetch every source",
      () => feeds.askedBy("agent-same").size === 4,
    );
    first.child.kill("SIGKILL");
    await once(first.child, "exit");
    expect(sourceRows().map((r) => r.lease_owner)).toEqual(SOURCES.map(() => "same"));
    feeds.release();
    const asked = feeds.asked.length;
    const second = startWorker("same", long);
    await waitFor("every source recorded", allRecorded);
    expect(new Set(feeds.asked.slice(asked).map((a) => a.source))).toEqual(new Set(SOURCES));
    expectEachStoredOnce();
    second.child.kill("SIGTERM");
    await once(second.child, "exit");
    expect(sourceRows().map((r) => r.lease_owner)).toEqual(SOURCES.map(() => null));
  }, 90_000);
});
