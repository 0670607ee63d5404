import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import Database from "better-sqlite3";
import { findFreePort } from "../support/redis-server";
import { builtCli } from "../support/built";

describe("newsgate serve in production, stopped with SIGTERM", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "newsgate-serve-stop-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0 after its own graceful stop, with the views it counted in the store", async () => {
    const port = await findFreePort();
    const db = join(dir, "db.sqlite");
    const child = spawn(process.execPath, [builtCli(), "serve"], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        PORT: String(port),
        DATABASE_URL: `sqlite:${db}`,
        LOG_LEVEL: "warn",
        PARSE_THREADS: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (d) => (output += String(d)));
    const exited = once(child, "exit");
    const url = `http://127.0.0.1:${port}/graphql`;
    const post = async (query: string) =>
      (await (
        await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query }),
        })
      ).json()) as { data?: Record<string, unknown> };
    try {
      // The bundled example sources are ingested at start; wait for a headline.
      let id: string | undefined;
      for (let i = 0; i < 100 && id === undefined; i++) {
        const answer = await post(`{ headlines(first: 1) { edges { node { id } } } }`).catch(
          () => null,
        );
        const edges = (answer?.data?.headlines as { edges: { node: { id: string } }[] } | undefined)
          ?.edges;
        id = edges?.[0]?.node.id;
        if (id === undefined) await delay(100);
      }
      expect(id).toBeDefined();
      const viewed = await post(
        `mutation { recordView(articleId: ${JSON.stringify(id)}) { counted } }`,
      );
      expect(viewed.data).toEqual({ recordView: { counted: true } });

      child.kill("SIGTERM");
      const [code, signal] = (await exited) as [number | null, string | null];
      expect({ code, signal, output }).toMatchObject({ code: 0, signal: null });
      // Flushed on the way out: the view is the store's now.
      const read = new Database(db, { readonly: true });
      try {
        const row = read.prepare("select views from article_stats where article_id = ?").get(id) as
          { views: number } | undefined;
        expect(row?.views).toBe(1);
      } finally {
        read.close();
      }
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  }, 60_000);
});
