import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { FeedParseError } from "../../src/feeds/feed-parse-error";
import { parseDocument } from "../../src/ingest/parse-document";
import { createParsePool } from "../../src/ingest/parse-pool";
import type { DocumentParser } from "../../src/ingest/document-parser";
import { builtCli, builtWorkerFile } from "../support/built";
import { startHttpServer, type TestHttpServer } from "../support/http-server";

const fixtures = join(__dirname, "..", "fixtures");
const seedFeed = readFileSync(join(fixtures, "seed", "feed.xml"), "utf8");
const opts = { url: "https://news.example/feed.xml", sourceId: "seed", now: 1_750_000_000_000 };

describe("parse pool (worker threads running the compiled parser)", () => {
  let pool: DocumentParser;
  beforeAll(() => {
    pool = createParsePool({ threads: 2, workerFile: builtWorkerFile(), maxHeapMb: 256 });
  });
  afterAll(() => pool.close());

  it("gives the same document as parsing on this thread", async () => {
    expect(await pool.parse(seedFeed, opts)).toEqual(await parseDocument(seedFeed, opts));
  });

  it("runs many parses at once and answers each with its own document", async () => {
    const titles = Array.from({ length: 12 }, (_, i) => `Feed number ${i}`);
    const feeds = titles.map((t) =>
      seedFeed.replace(/<title>[^<]*<\/title>/, `<title>${t}</title>`),
    );
    const docs = await Promise.all(feeds.map((f) => pool.parse(f, opts)));
    expect(docs.map((d) => d.feed.title)).toEqual(titles);
    expect(docs.every((d) => d.articles.length === 4)).toBe(true);
  });

  it("hands a document that is not a feed back as a FeedParseError with the parser's reason", async () => {
    const text = "<rss><channel><item></channel></rss>";
    const inline = await parseDocument(text, opts).catch((e: Error) => e);
    const threaded = await pool.parse(text, opts).catch((e: Error) => e);
    expect(threaded).toBeInstanceOf(FeedParseError);
    expect(threaded).toEqual(inline);
  });
});

describe("parse pool with a small heap", () => {
  it("fails only the document that needs more memory, and keeps parsing the next", async () => {
    const pool = createParsePool({ threads: 1, workerFile: builtWorkerFile(), maxHeapMb: 64 });
    try {
      const item = (i: number) => `<item><title>t${i}</title><category>c${i}</category></item>`;
      const huge = `<rss><channel>${Array.from({ length: 600_000 }, (_, i) => item(i)).join("")}</channel></rss>`;
      await expect(pool.parse(huge, opts)).rejects.toThrow(
        new FeedParseError("the document needs more than 64 MB of memory to read"),
      );
      expect((await pool.parse(seedFeed, opts)).articles).toHaveLength(4);
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe("the built service ingests on parse threads", () => {
  let server: TestHttpServer;
  beforeAll(async () => {
    server = await startHttpServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(seedFeed);
    });
  });
  afterAll(() => server.close());

  it("newsgate ingest --all stores the seed feed's four articles", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsgate-built-"));
    const config = join(dir, "newsgate.config.json");
    writeFileSync(
      config,
      JSON.stringify({ sources: [{ id: "seed", name: "Seed", url: `${server.url}/feed.xml` }] }),
    );
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [builtCli(), "ingest", "--all"],
      {
        env: {
          PATH: process.env.PATH,
          NEWSGATE_CONFIG: config,
          DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}`,
          ALLOW_PRIVATE_NETWORKS: "true",
          PARSE_THREADS: "2",
          LOG_LEVEL: "silent",
        },
      },
    );
    expect(stdout).toMatch(/^ok\s+seed\s+200\s+items=4 new=4 updated=0 unchanged=0/m);
  }, 60_000);
});
