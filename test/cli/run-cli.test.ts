import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "./cli-in-process";

const fixtures = join(__dirname, "../fixtures");

describe("newsgate parse", () => {
  it("prints the seed feed as { feed, articles } in the documented shape", async () => {
    const { code, out, err } = await cli(["parse", join(fixtures, "seed/feed.xml")]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(Object.keys(result.feed).sort()).toEqual(
      ["description", "feedUrl", "imageUrl", "kind", "language", "siteUrl", "title"].sort(),
    );
    expect(result.feed).toMatchObject({
      kind: "rss",
      title: "World News - Latest Headlines",
      language: "en",
    });
    expect(result.articles).toHaveLength(4);
    expect(Object.keys(result.articles[0]).sort()).toEqual(
      [
        "author",
        "contentHtml",
        "contentText",
        "enclosures",
        "guid",
        "id",
        "imageUrl",
        "language",
        "publishedAt",
        "summary",
        "tags",
        "title",
        "updatedAt",
        "url",
        "wordCount",
      ].sort(),
    );
    expect(result.articles[0]).toMatchObject({
      guid: "wn-20260205-0001",
      url: "https://news.example.com/2026/02/05/china-car-data-transfer-rules",
      publishedAt: "2026-02-04T23:10:00.000Z",
      updatedAt: null,
      enclosures: [],
    });
    expect(result.articles[0].tags).toEqual([
      { slug: "china", name: "China", origin: "feed" },
      { slug: "autos", name: "Autos", origin: "feed" },
      { slug: "data-privacy", name: "Data Privacy", origin: "feed" },
    ]);
  });

  it("prints a front page's headlines and a story page's story (kind html)", async () => {
    const front = await cli([
      "parse",
      join(fixtures, "seed/index.html"),
      "--base-url",
      "https://news.example.com/",
    ]);
    expect(front.code).toBe(0);
    const listing = JSON.parse(front.out);
    expect(listing.feed.kind).toBe("html");
    expect(listing.articles.map((a: { url: string }) => a.url)).toEqual([
      "https://news.example.com/2026/02/05/china-car-data-transfer-rules",
      "https://news.example.com/2026/02/05/amd-shares-drop-q4-earnings",
      "https://news.example.com/2026/02/05/scams-gold-crypto-cash",
      "https://news.example.com/2026/02/05/china-innovation-surge",
    ]);
    const story = JSON.parse(
      (await cli(["parse", join(fixtures, "seed/china-innovation-surge.html")])).out,
    );
    expect(story.articles).toHaveLength(1);
    expect(story.articles[0].contentText).toContain("3.63 trillion yuan in 2024");
  });

  it("says a saved front page needs its web address to resolve its links", async () => {
    const { code, err } = await cli(["parse", join(fixtures, "seed/index.html")]);
    expect(code).toBe(1);
    expect(err).toMatch(/give the page's web address as its base URL\)$/);
  });

  it("fails with one line and exit code 1 on a file that is not a feed", async () => {
    const { code, out, err } = await cli(["parse", join(fixtures, "feeds/malformed.xml")]);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err.split("\n")).toHaveLength(1);
    expect(err).toMatch(/^newsgate parse: /);
    expect(err).not.toMatch(/\s+at\s/);
  });

  it("fails with one line on malformed XML and on a missing file", async () => {
    for (const target of [join(fixtures, "feeds/malformed.xml"), join(fixtures, "nope.xml")]) {
      const { code, err } = await cli(["parse", target]);
      expect(code).toBe(1);
      expect(err.split("\n")).toHaveLength(1);
    }
  });

  it("resolves relative links against --base-url", async () => {
    const { code, out } = await cli([
      "parse",
      join(fixtures, "feeds/rss2-entities.xml"),
      "--base-url",
      "https://base.example/news/",
    ]);
    expect(code).toBe(0);
    const urls = JSON.parse(out).articles.map((a: { url: string }) => a.url);
    expect(urls.every((u: string) => /^https?:\/\//.test(u))).toBe(true);
  });
});

describe("newsgate ingest", () => {
  it("prints each source's line as it finishes, with a status line for a terminal", async () => {
    const env = configWith([
      { id: "one", name: "One", url: join(fixtures, "seed/feed.xml") },
      { id: "two", name: "Two", url: join(fixtures, "seed/feed.xml") },
    ]);
    const events: string[] = [];
    const { runIngestCommand } = await import("../../src/cli/ingest-command");
    const { loadConfig } = await import("../../src/config");
    const code = await runIngestCommand(
      ["--all"],
      loadConfig({ ...env, LOG_LEVEL: "silent", PARSE_THREADS: "0" }),
      {
        out: (s) => events.push(`out ${s.split(" ")[0]}`),
        err: (s) => events.push(`err ${s}`),
        progress: (s) => events.push(`progress ${s}`),
      },
    );
    expect(code).toBe(0);
    expect(events).toEqual([
      "progress ",
      "out ok",
      "progress 1/2 sources",
      "progress ",
      "out ok",
      "progress 2/2 sources",
      "progress ",
      "out 2",
    ]);
  });

  function configWith(sources: unknown[]): Record<string, string> {
    const dir = mkdtempSync(join(tmpdir(), "newsgate-cli-"));
    const path = join(dir, "newsgate.config.json");
    writeFileSync(path, JSON.stringify({ sources }));
    return { NEWSGATE_CONFIG: path, DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}` };
  }

  it("prints a line per source and exits 1 when one failed, after ingesting the others", async () => {
    const env = configWith([
      { id: "seed", name: "Seed", url: join(fixtures, "seed/feed.xml") },
      { id: "broken", name: "Broken", url: join(fixtures, "feeds/not-a-feed.html") },
    ]);
    const first = await cli(["ingest", "--all"], env);
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/^ok\s+seed\s+file\s+items=4 new=4 updated=0 unchanged=0/m);
    expect(first.out).toMatch(/^FAIL broken\s+parse\s+not a feed/m);
    expect(first.out).toMatch(/2 sources, 1 ok, 1 failed\n/);
    // The failed source says when it is tried again, and how to try it now.
    expect(first.out).toMatch(
      /\nbroken: tried again after \d{4}-\d\d-\d\d \d\d:\d\dZ; now: newsgate ingest --source broken$/,
    );
    const again = await cli(["ingest", "--source", "seed"], env);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/items=4 new=0 updated=0 unchanged=4/);
  });

  it("only fetches due sources without --all", async () => {
    const env = configWith([{ id: "seed", name: "Seed", url: join(fixtures, "seed/feed.xml") }]);
    expect((await cli(["ingest"], env)).out).toMatch(/1 sources, 1 ok, 0 failed/);
    expect((await cli(["ingest"], env)).out).toMatch(/0 sources, 0 ok, 0 failed/);
  });

  it("names an unknown source id", async () => {
    const env = configWith([{ id: "seed", name: "Seed", url: join(fixtures, "seed/feed.xml") }]);
    const { code, err } = await cli(["ingest", "--source", "ghost"], env);
    expect(code).toBe(1);
    expect(err).toMatch(/no source "ghost"/);
  });
});

describe("newsgate configuration errors", () => {
  it("stop the command with a message naming the key and exit code 2", async () => {
    const { code, err } = await cli(["ingest"], { PORT: "http" });
    expect(code).toBe(2);
    expect(err).toBe(
      "newsgate: invalid configuration: PORT: must be a whole number between 1 and 65535",
    );
  });

  it("stop a command whose database cannot be reached with one line, password hidden", async () => {
    const pg = await cli(["ingest"], { DATABASE_URL: "postgres://app:hunter2@127.0.0.1:1/news" });
    expect(pg.code).toBe(1);
    expect(pg.err).toBe(
      "newsgate ingest: store: cannot reach postgres://app:***@127.0.0.1:1/news: connect ECONNREFUSED 127.0.0.1:1",
    );
    const file = join(fixtures, "seed/feed.xml");
    const sqlite = await cli(["ingest"], { DATABASE_URL: `sqlite:${file}/db.sqlite` });
    expect(sqlite.code).toBe(1);
    expect(sqlite.err).toMatch(
      /^newsgate ingest: store: cannot open sqlite:.*feed\.xml\/db\.sqlite: \w+/,
    );
    expect(sqlite.err.split("\n")).toHaveLength(1);
  });

  it("prints usage for an unknown command", async () => {
    const { code, err } = await cli(["frobnicate"]);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown command "frobnicate"[\s\S]*Usage: newsgate/);
  });
});

describe("newsgate help, version and flags", () => {
  it("prints the version from package.json", async () => {
    const manifest = readFileSync(join(__dirname, "../../package.json"), "utf8");
    const { version } = JSON.parse(manifest) as { version: string };
    for (const argv of [["--version"], ["-V"], ["version"], ["serve", "--version"]]) {
      expect(await cli(argv)).toEqual({ code: 0, out: `newsgate ${version}`, err: "" });
    }
  });

  it.each(["serve", "worker", "ingest", "parse", "schema", "sources", "opml"])(
    "prints the usage of %s for --help and -h, and starts nothing",
    async (command) => {
      for (const flag of ["--help", "-h"]) {
        const { code, out, err } = await cli([command, flag], {
          DATABASE_URL: "sqlite:/nonexistent/x.db",
        });
        expect({ code, err }).toEqual({ code: 0, err: "" });
        expect(out).toMatch(new RegExp(`^Usage: newsgate ${command}`));
      }
    },
  );

  it("refuses an unknown flag of serve or worker with the usage, before anything starts", async () => {
    const serve = await cli(["serve", "--prot", "8080"]);
    expect(serve.code).toBe(2);
    expect(serve.err).toMatch(
      /^newsgate serve: Unknown option '--prot'[\s\S]*Usage: newsgate serve \[--port N\]/,
    );
    const worker = await cli(["worker", "--port", "8080"]);
    expect(worker.code).toBe(2);
    expect(worker.err).toMatch(
      /^newsgate worker: Unknown option '--port'[\s\S]*Usage: newsgate worker/,
    );
  });

  it("checks serve --port like PORT", async () => {
    const { code, err } = await cli(["serve", "--port", "99999"]);
    expect(code).toBe(2);
    expect(err).toMatch(/^newsgate: invalid configuration: PORT/);
  });
});

describe("newsgate parse with a mistyped address", () => {
  it("names the scheme instead of looking for a file", async () => {
    expect(await cli(["parse", "htp://news.example/feed.xml"])).toEqual({
      code: 1,
      out: "",
      err: "newsgate parse: htp: is not a scheme newsgate fetches (http and https only)",
    });
  });

  it("says how to allow private networks when it refuses loopback", async () => {
    const { code, err } = await cli(["parse", "http://127.0.0.1:9/feed.xml"]);
    expect(code).toBe(1);
    expect(err).toMatch(
      /refused to connect to 127\.0\.0\.1 \(loopback\).*ALLOW_PRIVATE_NETWORKS=true/,
    );
  });
});
