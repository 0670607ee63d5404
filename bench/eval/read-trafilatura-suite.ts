import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PageCase } from "./page-case";

interface EvalEntry {
  file: string;
  with: string[];
  without: string[];
}

/**
 * Returns the trafilatura evaluation set under `dir` (evaldata.json, pages in cache/ or eval/,
 * looked up in that order as trafilatura's tests do): each page with the snippets that must and
 * must not come out. Entries whose page is missing are left out and returned as `missing`.
 */
export function readTrafilaturaSuite(dir: string): { cases: PageCase[]; missing: string[] } {
  const data: Record<string, EvalEntry> = JSON.parse(
    readFileSync(join(dir, "evaldata.json"), "utf8"),
  );
  const cases: PageCase[] = [];
  const missing: string[] = [];
  for (const url of Object.keys(data).sort()) {
    const entry = data[url];
    const path = ["cache", "eval"].map((sub) => join(dir, sub, entry.file)).find(existsSync);
    if (!path) {
      missing.push(entry.file);
      continue;
    }
    const snippets = { with: entry.with, without: entry.without };
    cases.push({ suite: "trafilatura", name: entry.file, url, path, snippets });
  }
  return { cases, missing };
}
