import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/run-cli";

/** What one CLI run printed, and its exit code. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with the given environment, capturing what it prints. */
export async function cli(argv: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = { ...process.env };
  // Parse threads load compiled JavaScript; under ts-jest the sources are TypeScript.
  Object.assign(process.env, { LOG_LEVEL: "silent", PARSE_THREADS: "0", ...env });
  try {
    const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    process.env = saved;
  }
}

/** A temporary directory with a config file of these sources and a SQLite database. */
export function tempInstance(sources: unknown[] = []): {
  dir: string;
  env: Record<string, string>;
  writeConfig(sources: unknown[]): void;
} {
  const dir = mkdtempSync(join(tmpdir(), "newsgate-cli-"));
  const config = join(dir, "newsgate.config.json");
  const writeConfig = (list: unknown[]) => writeFileSync(config, JSON.stringify({ sources: list }));
  writeConfig(sources);
  return {
    dir,
    env: { NEWSGATE_CONFIG: config, DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}` },
    writeConfig,
  };
}
