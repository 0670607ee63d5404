import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { builtCli } from "../support/built";

describe("newsgate serve on a port already in use", () => {
  let dir: string;
  let holder: Server;
  let port: number;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "newsgate-port-"));
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    port = (holder.address() as { port: number }).port;
  });
  afterEach(async () => {
    await new Promise((resolve) => holder.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("says so in one line and exits 1, having ingested nothing", async () => {
    const db = join(dir, "db.sqlite");
    const child = spawn(process.execPath, [builtCli(), "serve"], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        DATABASE_URL: `sqlite:${db}`,
        LOG_LEVEL: "warn",
        PARSE_THREADS: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += String(d)));
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines).toEqual([
      `newsgate serve: 127.0.0.1:${port} is already in use: stop what holds it, or choose another PORT (--port)`,
    ]);
    // The scheduler never started: the bundled sources were not fetched.
    const read = new Database(db, { readonly: true });
    try {
      expect(read.prepare("select count(*) as n from articles").get()).toEqual({ n: 0 });
    } finally {
      read.close();
    }
  }, 30_000);
});
