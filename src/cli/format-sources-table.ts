import type { Source } from "../domain/source";

type Row = [id: string, kind: string, status: string, success: string, next: string, url: string];

const HEADER: Row = ["ID", "KIND", "STATUS", "LAST SUCCESS", "NEXT CHECK", "URL"];

/** The lines of `newsgate sources list`: a header and one aligned row per source. */
export function formatSourcesTable(sources: readonly Source[], now: number): string[] {
  if (sources.length === 0) return ["no sources (add one with: newsgate sources add URL)"];
  const rows = [HEADER, ...sources.map((source) => toRow(source, now))];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd(),
  );
}

function toRow(source: Source, now: number): Row {
  return [
    source.id,
    source.kind,
    statusOf(source),
    source.lastSuccessAt === null ? "never" : formatTime(source.lastSuccessAt),
    nextCheckOf(source, now),
    source.url,
  ];
}

// `new` before the first fetch; the last status, with the failure streak when failing.
function statusOf(source: Source): string {
  if (source.lastStatus === null) return "new";
  if (source.consecutiveFailures === 0) return `ok ${source.lastStatus}`;
  return `failing ${source.lastStatus} x${source.consecutiveFailures}`;
}

function nextCheckOf(source: Source, now: number): string {
  if (source.leaseUntil !== null && source.leaseUntil > now) return "fetching";
  return source.nextCheckAt <= now ? "due" : formatTime(source.nextCheckAt);
}

/** A time to the minute, in UTC (comparable across machines): `2026-12-03 20:15Z`. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ") + "Z";
}
