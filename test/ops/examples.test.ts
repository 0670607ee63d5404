import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import Parser from "rss-parser";
import { loadSourcesFile } from "../../src/config";
import { repoRoot } from "./ops-files";

const examplesDir = join(repoRoot, "examples");
const feedsDir = join(examplesDir, "feeds");
const feedFiles = readdirSync(feedsDir).sort();
const sources = loadSourcesFile(join(examplesDir, "newsgate.config.json"));

describe("examples/newsgate.config.json", () => {
  it("lists the bundled world-news, tech-notes and science-daily feeds", () => {
    expect(sources.map((s) => s.id)).toEqual(["world-news", "tech-notes", "science-daily"]);
  });

  it("resolves every source to a file: URL of a file under examples/feeds that exists", () => {
    for (const source of sources) {
      expect(source.url).toMatch(/^file:\/\//);
      const path = fileURLToPath(source.url);
      expect(path.startsWith(feedsDir)).toBe(true);
      expect(existsSync(path)).toBe(true);
    }
  });

  it("lists every feed file in examples/feeds, so none is shipped unused", () => {
    const listed = sources.map((s) => basename(fileURLToPath(s.url))).sort();
    expect(listed).toEqual(feedFiles);
  });

  it("polls every source every 15 minutes", () => {
    for (const source of sources) expect(source.intervalSeconds).toBe(900);
  });

  it("declares each source's kind to match its feed's root element", () => {
    for (const source of sources) {
      const text = readFileSync(fileURLToPath(source.url), "utf8");
      const root = /<(rss|feed)\b/.exec(text)?.[1];
      expect({ id: source.id, kind: source.kind }).toEqual({
        id: source.id,
        kind: root === "feed" ? "atom" : "rss",
      });
    }
  });
});

describe("examples/feeds", () => {
  it("ships world-news.xml as a verbatim copy of the seed feed", () => {
    const seed = readFileSync(join(repoRoot, "test", "fixtures", "seed", "feed.xml"));
    expect(readFileSync(join(feedsDir, "world-news.xml")).equals(seed)).toBe(true);
  });

  it.each(feedFiles)("%s is well-formed and has at least 4 distinct, dated items", async (file) => {
    const text = readFileSync(join(feedsDir, file), "utf8");
    const feed = await new Parser().parseString(text);

    expect(feed.title).toBeTruthy();
    expect(feed.items.length).toBeGreaterThanOrEqual(4);
    for (const item of feed.items) {
      expect(item.title).toBeTruthy();
      expect(item.link).toBeTruthy();
      expect(item.content ?? item.summary).toBeTruthy();
      // Far-future dates are clamped at ingest, so examples must be dated in the past.
      const published = Date.parse(item.isoDate ?? "");
      expect(Number.isNaN(published)).toBe(false);
      expect(published).toBeLessThan(Date.now());
    }
    const links = feed.items.map((item) => item.link);
    expect(new Set(links).size).toBe(links.length);
  });
});
