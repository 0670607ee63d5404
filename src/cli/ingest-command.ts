import { parseArgs } from "node:util";
import type { Config } from "../config";
import type { IngestReport } from "../ingest/ingest-report";
import { createLogger } from "../logger";
import { runIngestPass } from "../main";

/** One summary line per source, aligned for a terminal or a cron mail. */
export function formatIngestSummary(reports: IngestReport[]): string[] {
  const width = Math.max(6, ...reports.map((r) => r.sourceId.length));
  const lines = reports.map((r) => {
    const head = `${r.ok ? "ok  " : "FAIL"} ${r.sourceId.padEnd(width)} ${r.status.padEnd(8)}`;
    if (!r.ok) return `${head} ${r.error}`;
    return `${head} items=${r.items} new=${r.inserted} updated=${r.updated} unchanged=${r.unchanged} ${r.durationMs}ms`;
  });
  const failed = reports.filter((r) => !r.ok).length;
  lines.push(`${reports.length} sources, ${reports.length - failed} ok, ${failed} failed`);
  return lines;
}

/** `newsgate ingest [--all] [--source ID ...]`: exit code 1 when any source failed. */
export async function runIngestCommand(
  argv: string[],
  config: Config,
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      all: { type: "boolean", default: false },
      source: { type: "string", multiple: true },
    },
  });
  const ids = values.source ?? [];
  const known = new Set(config.sources.map((s) => s.id));
  const logger = createLogger({ level: config.logLevel, toStderr: true });
  const reports = await runIngestPass(config, logger, { all: values.all ?? false, ids });
  const missing = ids.filter((id) => !reports.some((r) => r.sourceId === id));
  for (const id of missing) {
    io.err(
      known.has(id)
        ? `newsgate ingest: source "${id}" is being fetched by another process`
        : `newsgate ingest: no source "${id}"`,
    );
  }
  for (const line of formatIngestSummary(reports)) io.out(line);
  return reports.some((r) => !r.ok) || missing.length > 0 ? 1 : 0;
}
