import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseOpml } from "../../src/opml/parse-opml";
import { cli, tempInstance } from "./cli-in-process";

const opml = (name: string) => join(__dirname, "../fixtures/opml", name);

describe("newsgate opml import", () => {
  it("adds the feeds as sources and prints what it added and skipped", async () => {
    const { env } = tempInstance();
    const { code, out, err } = await cli(["opml", "import", opml("reader-export-1.0.opml")], env);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out.split("\n")).toEqual([
      "added ars-technica: http://feeds.arstechnica.com/arstechnica/index/",
      "added bbc-news-world: http://feeds.bbci.co.uk/news/world/rss.xml?edition=uk&utm_source=reader [News]",
      "added le-monde-fr-actualite-a-la-une: https://www.lemonde.fr/rss/une.xml [News]",
      "added www-example-net: https://www.example.net/blog/atom.xml [Tech]",
      'skipped "Old Podcast" feed://podcast.example.org/rss: not an http(s) URL',
      'skipped "Ars Technica" http://feeds.arstechnica.com/arstechnica/index/: listed twice in the file (as "ars-technica")',
      "added 4, skipped 2",
    ]);
    const list = await cli(["sources", "list"], env);
    expect(list.out).toMatch(/^bbc-news-world\s+rss\s+new\s+never\s+due\s+http:\/\/feeds\.bbci/m);
  });

  it("skips everything as duplicates the second time", async () => {
    const { env } = tempInstance();
    await cli(["opml", "import", opml("nested-folders-2.0.opml")], env);
    const again = await cli(["opml", "import", opml("nested-folders-2.0.opml")], env);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^added 0, skipped 7$/m);
    expect(again.out).toContain(
      'skipped "EU Observer" https://euobserver.com/rss.xml: duplicate of source "eu-observer"',
    );
    expect(again.out).not.toMatch(/^added \S+:/m);
  });

  it("skips a feed that a config file source already has", async () => {
    const { env } = tempInstance([
      { id: "nature-cfg", name: "Nature", url: "https://www.nature.com/nature.rss" },
    ]);
    const { out } = await cli(["opml", "import", opml("nested-folders-2.0.opml")], env);
    expect(out).toContain('https://www.nature.com/nature.rss: duplicate of source "nature-cfg"');
  });

  it("only prints what it would do with --dry-run", async () => {
    const { env } = tempInstance();
    const dry = await cli(["opml", "import", "--dry-run", opml("nested-folders-2.0.opml")], env);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("would add tagesschau-atom: https://www.tagesschau.de/xml/atom/");
    expect(dry.out).toMatch(/dry run: would add 5, skip 2; nothing was written$/);
    expect((await cli(["sources", "list"], env)).out).toMatch(/^no sources/);
  });

  it.each([
    ["not-opml.xml", "newsgate opml import: not OPML: the root element is <rss>, not <opml>"],
    ["entity-bomb.opml", /^newsgate opml import: not OPML: malformed XML: [^\n]*$/],
    ["missing.opml", /^newsgate opml import: cannot read \S+missing\.opml: ENOENT$/],
  ])("fails in one line on %s and writes nothing", async (file, message) => {
    const { env } = tempInstance();
    const { code, out, err } = await cli(["opml", "import", opml(file)], env);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(message);
  });

  it("asks for exactly one file", async () => {
    const { code, err } = await cli(["opml", "import"], tempInstance().env);
    expect(code).toBe(2);
    expect(err).toBe("newsgate opml import: give exactly one FILE");
  });
});

describe("newsgate opml export", () => {
  it("prints every source as OPML that imports back with the same categories", async () => {
    const { env } = tempInstance([
      { id: "seed", name: "Seed file", url: join(__dirname, "../fixtures/seed/feed.xml") },
    ]);
    await cli(["opml", "import", opml("nested-folders-2.0.opml")], env);
    const { code, out } = await cli(["opml", "export"], env);
    expect(code).toBe(0);
    const doc = parseOpml(out);
    expect(doc.title).toBe("newsgate sources");
    expect(doc.outlines.find((o) => o.title === "EU Observer")).toEqual({
      title: "EU Observer",
      xmlUrl: "https://euobserver.com/rss.xml",
      htmlUrl: null,
      type: "rss",
      categories: ["World", "Europe", "Politics", "EU", "Daily"],
    });
    expect(doc.outlines).toHaveLength(5);
    expect(doc.skipped).toEqual([
      { title: "Seed file", xmlUrl: expect.stringMatching(/^file:/), reason: "not an http(s) URL" },
    ]);
  });

  it("writes the file given with --out", async () => {
    const { dir, env } = tempInstance();
    await cli(["opml", "import", opml("reader-export-1.0.opml")], env);
    const path = join(dir, "out.opml");
    const { code, out, err } = await cli(["opml", "export", "--out", path], env);
    expect(code).toBe(0);
    expect(out).toBe("");
    expect(err).toBe(`exported 4 sources to ${path}`);
    expect(parseOpml(readFileSync(path, "utf8")).outlines).toHaveLength(4);
  });
});
