import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";

// These run the built CLI (`npm test` builds first): only a fresh process shows what loads.
const root = join(__dirname, "../..");
const bin = join(root, "bin/newsgate.js");
const fixtures = join(__dirname, "../fixtures");

const SERVER_STACK = [
  "@apollo/server",
  "type-graphql",
  "graphql",
  "kysely",
  "ioredis",
  "better-sqlite3",
  "pg",
  "express",
  "piscina",
  "pino",
];

interface ParseRun {
  out: string;
  err: string;
  packages: Set<string>;
  ownModules: string[];
}

/** Runs `newsgate parse` in a child process; returns its output and every module it loaded. */
async function parseInChild(target: string): Promise<ParseRun> {
  if (!existsSync(join(root, "dist/src/cli/run-cli.js"))) throw new Error("run `npm run build`");
  const dir = mkdtempSync(join(tmpdir(), "newsgate-modules-"));
  const hook = join(dir, "record-modules.js");
  const list = join(dir, "modules.json");
  writeFileSync(
    hook,
    `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(list)},` +
      ` JSON.stringify(Object.keys(require.cache))));`,
  );
  const env = { ...process.env, LOG_LEVEL: "silent" };
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ["--require", hook, bin, "parse", target],
    { cwd: root, env },
  );
  const loaded: string[] = JSON.parse(readFileSync(list, "utf8"));
  const packages = new Set(
    loaded.map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1]).filter(Boolean),
  ) as Set<string>;
  const ownModules = loaded
    .filter((path) => path.startsWith(join(root, "dist/")))
    .map((path) => relative(join(root, "dist"), path));
  return { out: stdout, err: stderr, packages, ownModules };
}

describe("newsgate parse loads only what it needs", () => {
  it("reads a feed file without the server stack, the store, the page reader or HTTP", async () => {
    const run = await parseInChild(join(fixtures, "seed/feed.xml"));
    expect(run.err).toBe("");
    const result = JSON.parse(run.out);
    expect(result.feed).toMatchObject({ kind: "rss", title: "World News - Latest Headlines" });
    expect(result.articles).toHaveLength(4);
    expect(SERVER_STACK.filter((name) => run.packages.has(name))).toEqual([]);
    expect(
      ["linkedom", "@mozilla/readability", "undici"].filter((n) => run.packages.has(n)),
    ).toEqual([]);
    const offPath = /^src\/(server|store|cache)\/|^(schema|resolvers)\//;
    expect(run.ownModules.filter((path) => offPath.test(path))).toEqual([]);
  });

  it("reads an HTML page with the page reader, still without the server stack", async () => {
    const run = await parseInChild(join(fixtures, "html/story-jsonld.html"));
    expect(run.err).toBe("");
    expect(JSON.parse(run.out).feed.kind).toBe("html");
    expect(run.packages.has("linkedom")).toBe(true);
    expect(SERVER_STACK.filter((name) => run.packages.has(name))).toEqual([]);
  });
});
