import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

// The rooms of src/ and which others each may import (see DESIGN.md's layout): the lower rooms
// never reach up, and config reads nothing but the domain and the page reader's selector check.
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  fetch: [],
  feeds: ["domain"],
  pages: ["domain"],
  opml: ["domain", "feeds"],
  store: ["domain"],
  cache: ["domain", "store"],
  "config.ts": ["domain", "pages"],
  ingest: ["domain", "fetch", "feeds", "pages", "opml", "store", "config.ts", "logger.ts"],
};

const SRC = resolve(__dirname, "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

// The project files a module imports (type-only imports too: they tie the rooms all the same).
function localImports(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles
    .map((ref) => ref.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => resolve(dirname(file), name))
    .map((base) => [`${base}.ts`, join(base, "index.ts")].find((path) => existsSync(path)))
    .filter((path): path is string => path !== undefined);
}

function roomOf(file: string): string {
  return relative(SRC, file).split("/")[0];
}

function importGraph(): Map<string, string[]> {
  return new Map(sourceFiles(SRC).map((file) => [file, localImports(file)]));
}

// Every cycle's modules, found by depth-first search (each cycle reported once, from its entry).
function findCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") cycles.push(path.slice(path.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe("source layout", () => {
  const graph = importGraph();

  it("has no import cycles", () => {
    const cycles = findCycles(graph).map((cycle) =>
      cycle.map((file) => relative(SRC, file)).join(" -> "),
    );
    expect(cycles).toEqual([]);
  });

  it.each(Object.keys(ALLOWED))("keeps %s to the rooms below it", (room) => {
    const reachesUp = [...graph]
      .filter(([file]) => roomOf(file) === room)
      .flatMap(([file, imports]) =>
        imports
          .filter((target) => roomOf(target) !== room && !ALLOWED[room].includes(roomOf(target)))
          .map((target) => `${relative(SRC, file)} imports ${relative(SRC, target)}`),
      );
    expect(reachesUp).toEqual([]);
  });

  it("sees the imports it checks", () => {
    // Guards the checks above against passing on an empty graph.
    const ingest = graph.get(join(SRC, "ingest", "ingest-source.ts")) ?? [];
    expect(ingest.map((file) => relative(SRC, file))).toContain("fetch/fetch-source.ts");
    expect(graph.size).toBeGreaterThan(100);
  });
});
