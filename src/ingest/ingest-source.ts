import type { Article } from "../domain/article";
import { nextCheckAt } from "../domain/next-check";
import type { FetchOutcome, Source } from "../domain/source";
import type { Store } from "../store/store";
import { FetchError } from "./fetch-error";
import type { FetchRequest, FetchResult } from "./fetch-source";
import type { IngestReport } from "./ingest-report";
import { parseDocument } from "./parse-document";

/** The parts one ingest needs; plain functions so tests can pass real ones with fakes of time. */
export interface IngestDeps {
  store: Store;
  fetch: (req: FetchRequest) => Promise<FetchResult>;
  /** Called with the ids of new and changed articles (cache invalidation, events). */
  onChanged: (ids: string[], articles: Article[]) => Promise<void>;
  now: () => number;
  log: (report: IngestReport, source: Source) => void;
}

function failureStatus(err: unknown): string {
  if (err instanceof FetchError)
    return err.kind === "http" && err.status ? String(err.status) : err.kind;
  return (err as Error)?.name === "FeedParseError" ? "parse" : "error";
}

async function fetchAndStore(deps: IngestDeps, source: Source, started: number): Promise<Stored> {
  const res = await deps.fetch({
    url: source.url,
    etag: source.etag,
    lastModified: source.lastModified,
    // Only the operator's config file can create file: sources; the API accepts http(s) only.
    allowFile: true,
  });
  const status = source.url.startsWith("file:") ? "file" : String(res.status);
  const base = { status, etag: res.etag, lastModified: res.lastModified };
  if (res.notModified || res.body === null)
    return { ...base, items: 0, inserted: [], updated: [], unchanged: 0 };
  const parsed = await parseDocument(res.body, {
    url: res.finalUrl,
    sourceId: source.id,
    now: started,
  });
  const result = await deps.store.upsertArticles(parsed.articles);
  const changed = [...result.inserted, ...result.updated];
  if (changed.length > 0) {
    const changedSet = new Set(changed);
    await deps.onChanged(
      changed,
      parsed.articles.filter((a) => changedSet.has(a.id)),
    );
  }
  return {
    ...base,
    items: parsed.articles.length,
    inserted: result.inserted,
    updated: result.updated,
    unchanged: result.unchanged,
    siteUrl: parsed.feed.siteUrl,
    language: parsed.feed.language,
  };
}

interface Stored {
  status: string;
  etag: string | null;
  lastModified: string | null;
  items: number;
  inserted: string[];
  updated: string[];
  unchanged: number;
  siteUrl?: string | null;
  language?: string | null;
}

function reportOf(
  source: Source,
  r: Partial<Stored> & { status: string },
  ms: number,
  error: string | null,
): IngestReport {
  return {
    sourceId: source.id,
    ok: error === null,
    status: r.status,
    items: r.items ?? 0,
    inserted: r.inserted?.length ?? 0,
    updated: r.updated?.length ?? 0,
    unchanged: r.unchanged ?? 0,
    durationMs: ms,
    error,
  };
}

function outcomeOf(
  source: Source,
  at: number,
  r: Partial<Stored> & { status: string },
  error: string | null,
): FetchOutcome {
  const failures = error === null ? 0 : source.consecutiveFailures + 1;
  return {
    sourceId: source.id,
    at,
    ok: error === null,
    status: r.status,
    error,
    etag: r.etag,
    lastModified: r.lastModified,
    siteUrl: r.siteUrl,
    language: r.language,
    nextCheckAt: nextCheckAt({
      now: at,
      intervalSeconds: source.intervalSeconds,
      consecutiveFailures: failures,
    }),
  };
}

/** Fetches, parses and stores one source, then records the outcome on it. Never throws. */
export async function ingestSource(deps: IngestDeps, source: Source): Promise<IngestReport> {
  const started = deps.now();
  let stored: Partial<Stored> & { status: string };
  let error: string | null = null;
  try {
    stored = await fetchAndStore(deps, source, started);
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
    stored = { status: failureStatus(err) };
  }
  await deps.store.recordFetch(outcomeOf(source, started, stored, error));
  const report = reportOf(source, stored, deps.now() - started, error);
  deps.log(report, source);
  return report;
}
