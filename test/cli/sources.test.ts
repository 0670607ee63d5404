import { join } from "node:path";
import { createStore } from "../../src/store/create-store";
import { cli, tempInstance } from "./cli-in-process";

const seedFeed = join(__dirname, "../fixtures/seed/feed.xml");

describe("newsgate sources add", () => {
  it("adds an http(s) source with an id from the name, due at once", async () => {
    const { env } = tempInstance();
    const add = await cli(
      [
        "sources",
        "add",
        "https://News.Example.com/feed.xml",
        "--name",
        "Example News",
        "--no-discover",
      ],
      env,
    );
    expect(add).toEqual({
      code: 0,
      out: 'added source "example-news" (rss, at its own pace): https://news.example.com/feed.xml',
      err: "",
    });
    const list = await cli(["sources", "list"], env);
    expect(list.out.split("\n")).toEqual([
      expect.stringMatching(/^ID\s+KIND\s+STATUS\s+LAST SUCCESS\s+NEXT CHECK\s+URL$/),
      expect.stringMatching(
        /^example-news\s+rss\s+new\s+never\s+due\s+https:\/\/news\.example\.com\/feed\.xml$/,
      ),
    ]);
  });

  it("takes --id, --kind and --interval, and names the source after its host by default", async () => {
    const { env } = tempInstance();
    const args = ["--id", "wire", "--kind", "atom", "--interval", "3600"];
    const add = await cli(
      ["sources", "add", "http://wire.example/atom", ...args, "--no-discover"],
      env,
    );
    expect(add.out).toBe('added source "wire" (atom, every 3600s): http://wire.example/atom');
    const second = await cli(
      ["sources", "add", "https://www.example.org/rss", "--no-discover"],
      env,
    );
    expect(second.out).toMatch(/^added source "www-example-org"/);
  });

  it.each([
    [["file:///etc/passwd"], 'not an http(s) URL: "file:" is not allowed'],
    [["ftp://x.example/feed"], 'not an http(s) URL: "ftp:" is not allowed'],
    [["./local.xml"], 'not a URL: "./local.xml"'],
    [["https://u:p@x.example/"], "credentials in the URL are not supported"],
    [
      ["https://x.example/", "--id", "Bad Id"],
      'id: "Bad Id" must be a lower-case slug (a-z, 0-9, -)',
    ],
    [["https://x.example/", "--kind", "xml"], 'kind: "xml" is not one of rss, atom, json, html'],
    [
      ["https://x.example/", "--interval", "5"],
      "interval: must be a whole number of seconds from 60 to 86400",
    ],
  ])("refuses %j with exit code 1", async (args, message) => {
    const { env } = tempInstance();
    const { code, err } = await cli(["sources", "add", ...args], env);
    expect(code).toBe(1);
    expect(err).toBe(`newsgate sources add: ${message}`);
    expect((await cli(["sources", "list"], env)).out).toMatch(/^no sources/);
  });

  it("refuses a URL or an id that is already a source", async () => {
    const { env } = tempInstance([{ id: "seed", name: "Seed", url: seedFeed }]);
    await cli(["sources", "add", "https://a.example/rss", "--id", "alpha", "--no-discover"], env);
    const sameUrl = await cli(
      ["sources", "add", "https://A.example/rss?utm_source=x", "--no-discover"],
      env,
    );
    expect(sameUrl.code).toBe(1);
    expect(sameUrl.err).toBe(
      'newsgate sources add: source "alpha" already has the URL https://a.example/rss?utm_source=x',
    );
    const sameId = await cli(
      ["sources", "add", "https://b.example/rss", "--id", "seed", "--no-discover"],
      env,
    );
    expect(sameId.code).toBe(1);
    expect(sameId.err).toBe('newsgate sources add: id "seed" is already a source');
  });

  it("asks for exactly one URL and rejects unknown options with exit code 2", async () => {
    const { env } = tempInstance();
    expect((await cli(["sources", "add"], env)).code).toBe(2);
    expect((await cli(["sources", "add", "https://x.example/", "--colour", "red"], env)).code).toBe(
      2,
    );
    expect((await cli(["sources", "frob"], env)).err).toMatch(/give list, add URL/);
  });
});

describe("newsgate sources list", () => {
  it("shows fetch health: status, last success and next check", async () => {
    const { env } = tempInstance([{ id: "seed", name: "Seed", url: seedFeed }]);
    await cli(["ingest", "--all"], env);
    const { code, out } = await cli(["sources", "list"], env);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^seed\s+rss\s+ok file\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+file:\/\//m,
    );
  });
});

describe("newsgate sources remove", () => {
  it("stops listing the source and keeps its articles", async () => {
    const instance = tempInstance([{ id: "seed", name: "Seed", url: seedFeed }]);
    await cli(["ingest", "--all"], instance.env);
    instance.writeConfig([]);
    const removed = await cli(["sources", "remove", "seed"], instance.env);
    expect(removed).toEqual({
      code: 0,
      out: 'removed source "seed"; its 4 articles are kept',
      err: "",
    });
    expect((await cli(["sources", "list"], instance.env)).out).toMatch(/^no sources/);
    const store = await createStore(instance.env.DATABASE_URL);
    try {
      const page = await store.listLatest({ filter: { sourceIds: ["seed"] }, first: 10 });
      expect(page.totalCount).toBe(4);
    } finally {
      await store.close();
    }
    const ingest = await cli(["ingest", "--all"], instance.env);
    expect(ingest.out).toMatch(/^0 sources, 0 ok, 0 failed$/);
  });

  it("does not reuse the id of a removed source for a new one", async () => {
    const { env } = tempInstance();
    await cli(
      ["sources", "add", "https://one.example/rss", "--name", "News", "--no-discover"],
      env,
    );
    await cli(["sources", "remove", "news"], env);
    const again = await cli(
      ["sources", "add", "https://two.example/rss", "--name", "News", "--no-discover"],
      env,
    );
    expect(again.out).toMatch(/^added source "news-2"/);
    const explicit = await cli(
      ["sources", "add", "https://three.example/", "--id", "news", "--no-discover"],
      env,
    );
    expect(explicit.err).toBe(
      'newsgate sources add: id "news" belongs to a removed source that keeps its articles',
    );
  });

  it("refuses a source declared in the config file, which would come back at the next start", async () => {
    const { env } = tempInstance([{ id: "seed", name: "Seed", url: seedFeed }]);
    const { code, err } = await cli(["sources", "remove", "seed"], env);
    expect(code).toBe(1);
    expect(err).toBe(
      `newsgate sources remove: "seed" is declared in ${env.NEWSGATE_CONFIG}; ` +
        "delete it there first, or it comes back at the next start",
    );
  });

  it("names an unknown id", async () => {
    const { code, err } = await cli(["sources", "remove", "ghost"], tempInstance().env);
    expect(code).toBe(1);
    expect(err).toBe('newsgate sources remove: no source "ghost"');
  });
});
