import type { Article } from "../domain/article";
import { ADAPTIVE_SAMPLE } from "../domain/adaptive-interval";
import { planNextCheck, type NextCheck } from "../domain/plan-next-check";
import type { FetchOutcome, Source } from "../domain/source";
import { scheduleOf } from "../domain/source-schedule";
import type { Store } from "../store/store";
import { FetchError } from "../fetch/fetch-error";
import type { FetchRequest, FetchResult } from "../fetch/fetch-source";
import { clusterNewArticles } from "./cluster-articles";
import type { ClusterCandidate, StoryFeatures } from "../domain/story-similarity";
import { fetchFullStories } from "./fetch-full-stories";
import { createHostLimiter, type HostLimiter } from "../fetch/host-limiter";
import { type IngestReport, LEASE_LOST_STATUS, STORE_UNAVAILABLE_STATUS } from "./ingest-report";
import { StoreUnavailableError } from "../store/store-unavailable-error";
import { type ParsedDocument, parseDocument, type ParseDocumentOptions } from "./parse-document";

/** The parts one ingest needs; plain functions so tests can pass real ones with fakes of time. */
export interface IngestDeps {
  store: Store;
  fetch: (req: FetchRequest) => Promise<FetchResult>;
  /** Called with the ids of new and changed articles (cache invalidation, events). */
  onChanged: (ids: string[], articles: Article[]) => Promise<void>;
  /** Called with the articles stored for the first time (live updates to subscribers). */
  onAdded?: (articles: Article[]) => void;
  now: () => number;
  log: (report: IngestReport, source: Source) => void;
  /** The most articles taken from one document; the parser's default when absent. */
  maxItemsPerFetch?: number;
  /** Parses a fetched document (a thread pool in the service); parseDocument here by default. */
  parse?: (text: string, opts: ParseDocumentOptions) => Promise<ParsedDocument>;
  /** Caps story-page fetches per host for `fullText` sources (shared by every ingest). */
  storyLimiter?: HostLimiter;
  /** Story features of clustering candidates, cached across ingests (createStoryFeatureCache). */
  storyFeatures?: (c: ClusterCandidate) => StoryFeatures;
  /** Returns a number in [0, 1) for backoff jitter; `Math.random` by default. */
  random?: () => number;
}

/** What one attempt came to, before it is recorded; `items` is set when a document was parsed. */
interface Attempt {
  status: string;
  httpStatus: number | null;
  error: string | null;
  etag?: string | null;
  lastModified?: string | null;
  maxAgeMs?: number | null;
  retryAfterMs?: number | null;
  items?: number;
  inserted?: string[];
  updated?: string[];
  unchanged?: number;
  siteUrl?: string | null;
  language?: string | null;
  ttlMinutes?: number | null;
  publishedTimes?: number[];
  /** The store failed, not the source. */
  storeFault?: boolean;
}

// After a store failure the source is tried again this soon (with jitter), whatever its pace.
const STORE_RETRY_MS = 60_000;

function failure(err: unknown): Pick<Attempt, "status" | "error" | "retryAfterMs" | "storeFault"> {
  const error = err instanceof Error ? err.message : String(err);
  if (err instanceof StoreUnavailableError) {
    return { status: STORE_UNAVAILABLE_STATUS, error, storeFault: true };
  }
  if (err instanceof FetchError) {
    const status = err.kind === "http" && err.status ? String(err.status) : err.kind;
    return { status, error, retryAfterMs: err.retryAfterMs };
  }
  return { status: (err as Error)?.name === "FeedParseError" ? "parse" : "error", error };
}

async function attempt(
  deps: IngestDeps,
  source: Source,
  started: number,
  lease?: AbortSignal,
): Promise<Attempt> {
  let res: FetchResult;
  try {
    res = await deps.fetch({
      url: source.url,
      etag: source.etag,
      lastModified: source.lastModified,
      // Only the operator's config file can create file: sources; the API accepts http(s) only.
      allowFile: true,
      userAgent: source.userAgent,
      expect: source.kind === "html" ? "page" : "feed",
    });
  } catch (err) {
    const { status, error, retryAfterMs } = failure(err);
    const httpStatus = err instanceof FetchError ? err.status : null;
    return { status, httpStatus, error, retryAfterMs };
  }
  const isFile = source.url.startsWith("file:");
  const status = isFile ? "file" : String(res.status);
  const httpStatus = isFile ? null : res.status;
  if (res.notModified || res.body === null) {
    const { etag, lastModified, maxAgeMs, retryAfterMs } = res;
    return { status, httpStatus, error: null, etag, lastModified, maxAgeMs, retryAfterMs };
  }
  if (lease?.aborted) return leaseLost(httpStatus);
  try {
    const stored = await parseAndStore(deps, source, res, started);
    return { status, httpStatus, error: null, ...stored };
  } catch (err) {
    // Validators are not kept: a 304 next time would hide that this document does not parse.
    return { httpStatus, ...failure(err) };
  }
}

async function parseAndStore(
  deps: IngestDeps,
  source: Source,
  res: FetchResult,
  started: number,
): Promise<Partial<Attempt>> {
  const parse = deps.parse ?? parseDocument;
  const parsed = await parse(res.body ?? "", {
    url: res.finalUrl,
    sourceId: source.id,
    now: started,
    maxItems: deps.maxItemsPerFetch,
    kind: source.kind,
    selectors: source.selectors,
  });
  const articles = parsed.articles;
  const result = await deps.store.upsertArticles(articles);
  // A page's own popular list, as it stands now, replaces the one it showed before.
  if (parsed.pageKind !== null) await deps.store.recordSourceRanks(source.id, parsed.popular);
  const stories = source.fullText
    ? await fullStoriesOf(deps, source, articles, result.inserted)
    : [];
  const merged = stories.length > 0 ? await deps.store.upsertArticles(stories) : null;
  const changed = new Set([...result.inserted, ...result.updated, ...(merged?.updated ?? [])]);
  const added = new Set(result.inserted);
  const clustered = await clusterNewArticles(
    deps.store,
    articles.filter((a) => added.has(a.id)),
    deps.storyFeatures,
  );
  for (const id of clustered) changed.add(id);
  if (added.size > 0) deps.onAdded?.(articles.filter((a) => added.has(a.id)));
  if (changed.size > 0) {
    await deps.onChanged(
      [...changed],
      articles.filter((a) => changed.has(a.id)),
    );
  }
  return {
    ...result,
    etag: res.etag,
    lastModified: res.lastModified,
    maxAgeMs: res.maxAgeMs,
    retryAfterMs: res.retryAfterMs,
    items: articles.length,
    siteUrl: parsed.feed.siteUrl,
    language: parsed.feed.language,
    ttlMinutes: parsed.feed.ttl,
    publishedTimes: articles.map((a) => a.publishedAt),
  };
}

// New items only: each story page is fetched once, and a failure keeps the teaser for good.
function fullStoriesOf(deps: IngestDeps, source: Source, articles: Article[], inserted: string[]) {
  const fresh = new Set(inserted);
  const limiter = deps.storyLimiter ?? createHostLimiter(DEFAULT_STORY_LIMITS);
  const storyDeps = {
    fetch: deps.fetch,
    parse: deps.parse ?? parseDocument,
    limiter,
    now: deps.now,
  };
  return fetchFullStories(
    storyDeps,
    source,
    articles.filter((a) => fresh.has(a.id)),
  );
}

const DEFAULT_STORY_LIMITS = { concurrency: 4, hostConcurrency: 2 };

async function planFor(
  deps: IngestDeps,
  source: Source,
  at: number,
  a: Attempt,
): Promise<NextCheck> {
  if (a.storeFault) {
    const jitter = 0.75 + 0.5 * (deps.random ?? Math.random)();
    return { at: at + Math.round(STORE_RETRY_MS * jitter), reason: "backoff" };
  }
  const schedule = scheduleOf(source);
  // An adaptive source with nothing parsed this time (304, failure) keeps the pace of its
  // stored articles.
  const publishedTimes =
    schedule.kind === "adaptive" && a.publishedTimes === undefined
      ? await deps.store.listRecentPublishTimes(source.id, ADAPTIVE_SAMPLE).catch(() => [])
      : a.publishedTimes;
  return planNextCheck({
    now: at,
    schedule,
    failures: a.error === null ? 0 : source.consecutiveFailures + 1,
    publishedTimes,
    ttlMinutes: a.ttlMinutes,
    maxAgeMs: a.maxAgeMs,
    retryAfterMs: a.retryAfterMs,
    random: deps.random,
  });
}

function outcomeOf(source: Source, at: number, a: Attempt, next: NextCheck): FetchOutcome {
  return {
    sourceId: source.id,
    at,
    ok: a.error === null,
    status: a.status,
    httpStatus: a.httpStatus,
    error: a.error,
    etag: a.etag,
    lastModified: a.lastModified,
    siteUrl: a.siteUrl,
    language: a.language,
    itemsSeen: a.items,
    nextCheckAt: next.at,
    nextCheckReason: next.reason,
    storeFault: a.storeFault,
  };
}

function reportOf(source: Source, a: Attempt, durationMs: number): IngestReport {
  return {
    sourceId: source.id,
    ok: a.error === null,
    status: a.status,
    items: a.items ?? 0,
    inserted: a.inserted?.length ?? 0,
    updated: a.updated?.length ?? 0,
    unchanged: a.unchanged ?? 0,
    durationMs,
    error: a.error,
  };
}

function leaseLost(httpStatus: number | null): Attempt {
  return { status: LEASE_LOST_STATUS, httpStatus, error: "lease taken over by another worker" };
}

/**
 * Fetches, parses and stores one source, then records the outcome and its next check on it
 * (under the lease the source was claimed with). Failures are recorded, not thrown. `lease`,
 * when given, aborts once the lease is lost: what was fetched is then neither stored nor
 * recorded (the store refuses the record of a lost lease anyway).
 */
export async function ingestSource(
  deps: IngestDeps,
  source: Source,
  lease?: AbortSignal,
): Promise<IngestReport> {
  const started = deps.now();
  const result = await attempt(deps, source, started, lease);
  if (lease?.aborted) {
    const report = reportOf(source, leaseLost(result.httpStatus), deps.now() - started);
    deps.log(report, source);
    return report;
  }
  const next = await planFor(deps, source, started, result);
  const recorded = await recordOutcome(deps, outcomeOf(source, started, result, next), source);
  const report = reportOf(source, { ...result, ...recorded }, deps.now() - started);
  deps.log(report, source);
  return report;
}

/**
 * Records the outcome; when the store cannot take even that, returns what to report instead.
 * Nothing is lost then: the source keeps its validators and its due time, and its lease runs
 * out, so it is claimed and fetched again.
 */
async function recordOutcome(
  deps: IngestDeps,
  outcome: FetchOutcome,
  source: Source,
): Promise<Attempt | null> {
  try {
    await deps.store.recordFetch(outcome, source.leaseOwner);
    return null;
  } catch (err) {
    if (!(err instanceof StoreUnavailableError)) throw err;
    return { httpStatus: outcome.httpStatus, ...failure(err) };
  }
}
