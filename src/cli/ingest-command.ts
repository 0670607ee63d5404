import { parseArgs } from "node:util";
import type { Config } from "../config";
import type { Source } from "../domain/source";
import { formatTime } from "./format-sources-table";
import type { IngestReport } from "../ingest/ingest-report";
import { createLogger } from "../logger";
import { runIngestPass } from "../main";

/** One source's line, its id padded to `width`, for a terminal or a cron mail. */
export function formatIngestLine(r: IngestReport, width: number): string {
  const head = `${r.ok ? "ok  " : "FAIL"} ${r.sourceId.padEnd(width)} ${r.status.padEnd(8)}`;
  if (!r.ok) return `${head} ${r.error}`;
  return `${head} items=${r.items} new=${r.inserted} updated=${r.updated} unchanged=${r.unchanged} ${r.durationMs}ms`;
}

/** The closing line, and for each failed source when it is tried next and how to try now. */
export function formatIngestSummary(reports: IngestReport[], failed: readonly Source[]): string[] {
  const failures = reports.filter((r) => !r.ok).length;
  const lines = [`${reports.length} sources, ${reports.length - failures} ok, ${failures} failed`];
  for (const source of failed) {
    const next = formatTime(source.nextCheckAt);
    lines.push(
      `${source.id}: tried again after ${next}; now: newsgate ingest --source ${source.id}`,
    );
  }
  return lines;
}

/** `newsgate ingest [--all] [--source ID ...]`: exit code 1 when any source failed. */
export async function runIngestCommand(
  argv: string[],
  config: Config,
  io: {
    out: (s: string) => void;
    err: (s: string) => void;
    /** Rewrites one status line (a terminal's); "" clears it. */
    progress?: (s: string) => void;
  },
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
  // Lines come as sources finish; ids are padded to the longest known one.
  const width = Math.max(6, ...[...known, ...ids].map((id) => id.length));
  let claimed = 0;
  let done = 0;
  let failedSources: Source[] = [];
  const reports = await runIngestPass(config, logger, {
    all: values.all ?? false,
    ids,
    onClaimed: (count) => void (claimed = count),
    onReport: (report) => {
      io.progress?.("");
      io.out(formatIngestLine(report, width));
      io.progress?.(`${++done}/${claimed} sources`);
    },
    onFailed: (sources) => void (failedSources = sources),
  });
  io.progress?.("");
  const missing = ids.filter((id) => !reports.some((r) => r.sourceId === id));
  for (const id of missing) {
    io.err(
      known.has(id)
        ? `newsgate ingest: source "${id}" is being fetched by another process`
        : `newsgate ingest: no source "${id}"`,
    );
  }
  for (const line of formatIngestSummary(reports, failedSources)) io.out(line);
  return reports.some((r) => !r.ok) || missing.length > 0 ? 1 : 0;
}
