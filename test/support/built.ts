import { existsSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

/** The compiled parse worker (`npm test` builds first: threads cannot load TypeScript). */
export function builtWorkerFile(): string {
  return requireBuilt(join(ROOT, "dist", "src", "ingest", "parse-worker.js"));
}

/** The compiled SQLite reader worker (reader threads cannot load TypeScript either). */
export function builtReaderWorkerFile(): string {
  return requireBuilt(join(ROOT, "dist", "src", "store", "sqlite-reader-worker.js"));
}

/** The command-line entry point, which runs the compiled service. */
export function builtCli(): string {
  requireBuilt(join(ROOT, "dist", "src", "main.js"));
  return join(ROOT, "bin", "newsgate.js");
}

function requireBuilt(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build (npm test does)`);
  return file;
}

/** The compiled API bench child (forked servers run JavaScript, not the TypeScript sources). */
export function builtBenchChild(): string {
  return requireBuilt(join(ROOT, "dist", "bench", "api", "server-child.js"));
}
