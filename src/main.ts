import { availableParallelism, hostname } from "node:os";
import type { Logger } from "pino";
import type { Cache } from "./cache/cache";
import { createCacheKeys } from "./cache/cache-keys";
import { createMemoryCache } from "./cache/memory-cache";
import { createMemoryViewCounter } from "./cache/memory-view-counter";
import { createRedisEventTarget } from "./cache/redis-event-target";
import { createRedisViewCounter } from "./cache/redis-view-counter";
import type { ViewCounter } from "./cache/view-counter";
import { createRedisCache } from "./cache/redis-cache";
import type { CircuitBreaker } from "./cache/circuit-breaker";
import { createLoggedBreaker } from "./cache/redis-connection";
import type { Config } from "./config";
import type { Article } from "./domain/article";
import type { Source } from "./domain/source";
import { checkHop } from "./fetch/fetch-guard";
import { createFetcher } from "./fetch/fetch-source";
import { findFeed } from "./ingest/find-feed";
import { createHostLimiter, runPerHost } from "./fetch/host-limiter";
import type { IngestReport } from "./ingest/ingest-report";
import { ingestSource } from "./ingest/ingest-source";
import { createScheduler } from "./ingest/scheduler";
import { createSourceAdmin, type SourceAdmin } from "./ingest/source-admin";
import { declareSources } from "./ingest/replan-sources";
import { createStoryFeatureCache } from "./ingest/story-feature-cache";
import { buildGatewaySchema } from "./server/build-schema";
import { createContext } from "./server/context";
import { createReadPath, type ReadPath } from "./server/read-path";
import { createResponseCache } from "./server/response-cache";
import { flushViewCounts } from "./cache/flush-view-counts";
import { createDocumentParser } from "./ingest/create-document-parser";
import { findFeedFor } from "./ingest/find-feed-for";
import { createApiKeyCheck } from "./server/api-key";
import { createClientAddress } from "./server/client-address";
import { createClientLimits } from "./server/client-limits";
import { createMemoryRateLimiter } from "./cache/memory-rate-limiter";
import { createRedisRateLimiter } from "./cache/redis-rate-limiter";
import { type ArticleEvents, createArticleEvents } from "./server/article-events";
import { createHttpServer } from "./server/create-http-server";
import { createGatewayMetrics, type GatewayMetrics } from "./server/gateway-metrics";
import { createPersistedQueryCache } from "./server/persisted-query-cache";
import { type CreateStoreOptions, createStore } from "./store/create-store";
import type { Store } from "./store/store";

/** The long-lived parts every command shares, opened from the config (and the read path). */
export interface Gateway extends ReadPath {
  store: Store;
  cache: Cache;
  /** Ingests a source; `lease` aborts when another worker took its lease over. */
  ingest(source: Source, lease?: AbortSignal): Promise<IngestReport>;
  /** Source management for the admin mutations. */
  sources: SourceAdmin;
  /** Counts article views (Redis when configured). */
  views: ViewCounter;
  /** New-article events for subscriptions (Redis pub/sub when configured). */
  events: ArticleEvents;
  /** The breaker every Redis part shares (null without Redis). */
  redisBreaker: CircuitBreaker | null;
  close(): Promise<void>;
}

async function openCache(
  config: Config,
  logger: Logger,
  breaker: CircuitBreaker | null,
): Promise<Cache> {
  if (!config.redisUrl) return createMemoryCache({ maxEntries: 10_000 });
  return createRedisCache({
    url: config.redisUrl,
    namespace: createCacheKeys(config.cachePrefix).namespace,
    logger: logger.child({ part: "redis" }),
    ...(breaker && { breaker }),
  });
}

// One SQLite reader thread per core (at most four) unless SQLITE_READ_THREADS says otherwise.
const MAX_AUTO_READ_THREADS = 4;

/** Opens the store (running migrations) and syncs the config file's sources into it. */
async function openSyncedStore(config: Config, options: CreateStoreOptions = {}): Promise<Store> {
  const threads =
    config.sqliteReadThreads ?? Math.min(MAX_AUTO_READ_THREADS, availableParallelism());
  const store = await createStore(config.databaseUrl, {
    readThreads: { threads },
    ...config.store,
    ...options,
  });
  try {
    // A source whose timing changed in the file gets its next check planned afresh.
    await declareSources(store, config.sources);
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * How long `newsgate ingest` holds what it claims: it renews nothing, so two fetch deadlines and
 * a minute for the rest.
 */
function passLeaseMsFor(config: Config): number {
  return config.fetch.timeoutMs * 2 + 60_000;
}

/**
 * Who owns a service's leases: WORKER_ID, else the host, the command and the process id. Two live
 * processes never share the default (a shared id would free each other's live leases); in a
 * container the host name and the pid (1) stay the same across restarts, so a restarted
 * container takes its leases back at once, and elsewhere WORKER_ID does that.
 */
export function leaseOwnerOf(config: Config, kind: "serve" | "worker"): string {
  return config.scheduler.workerId ?? `${hostname()}:${kind}:${process.pid}`;
}

/** What a caller may add to the gateway it opens (the benchmarks count store queries). */
export interface GatewayOptions {
  /** Called after each SQL statement with how long it took. */
  onQuery?: CreateStoreOptions["onQuery"];
  /** Where the API's reads run; as configured by default. */
  readThreads?: CreateStoreOptions["readThreads"];
  /** Told of every ingest, after it is logged. */
  onIngest?: (report: IngestReport) => void;
}

// Commands that answer no API (worker, ingest) start no reader threads.
const NO_API: GatewayOptions = { readThreads: { threads: 0 } };

/** Opens the store, the cache and the fetcher; syncs config sources. */
export async function openGateway(
  config: Config,
  logger: Logger,
  options: GatewayOptions = {},
): Promise<Gateway> {
  // First: it can refuse the config, and it starts no thread before the first parse.
  const parser = createDocumentParser(config);
  const store = await openSyncedStore(config, {
    onQuery: options.onQuery,
    ...(options.readThreads ? { readThreads: options.readThreads } : {}),
  });
  const redisBreaker = config.redisUrl ? createLoggedBreaker("redis", logger) : null;
  const cache = await openCache(config, logger, redisBreaker);
  const views = config.redisUrl
    ? await createRedisViewCounter({
        url: config.redisUrl,
        prefix: config.cachePrefix,
        logger: logger.child({ part: "redis" }),
        ...(redisBreaker && { breaker: redisBreaker }),
      })
    : createMemoryViewCounter();
  const readPath = createReadPath({
    store,
    cache,
    views,
    keys: createCacheKeys(config.cachePrefix),
    articleTtlSeconds: config.cacheTtlSeconds,
    listTtlSeconds: Math.min(config.cacheTtlSeconds, 60),
  });
  const fetcher = createFetcher(config.fetch);
  const events = createArticleEvents(
    config.redisUrl
      ? await createRedisEventTarget({
          url: config.redisUrl,
          prefix: `${config.cachePrefix}events:`,
          logger,
          ...(redisBreaker && { breaker: redisBreaker }),
        })
      : undefined,
  );
  const deps = {
    onAdded: (articles: Article[]) => events.published(articles),
    store,
    parse: parser.parse,
    fetch: fetcher.fetchSource,
    onChanged: async (ids: string[]) => {
      await readPath.reads.invalidate(ids);
      // New articles enter HOT now, not at the next request.
      readPath.rankings.refresh().catch((err: unknown) => logger.warn({ err }, "rankings failed"));
    },
    now: Date.now,
    log: (r: IngestReport) => {
      logger[r.ok ? "info" : "warn"](r, "fetch");
      options.onIngest?.(r);
    },
    maxItemsPerFetch: config.fetch.maxItemsPerFetch,
    // Story pages of fullText sources share the scheduler's caps, across every ingest.
    storyLimiter: createHostLimiter({
      concurrency: config.scheduler.concurrency,
      hostConcurrency: config.scheduler.hostConcurrency,
    }),
    storyFeatures: createStoryFeatureCache(),
  };
  const ingest = (source: Source, lease?: AbortSignal) => ingestSource(deps, source, lease);
  return {
    ...readPath,
    views,
    events,
    redisBreaker,
    store,
    cache,
    ingest,
    sources: createSourceAdmin({
      store,
      findFeed: (url) => findFeed(fetcher.fetchSource, url),
      ingest,
      configIds: new Set(config.sources.map((s) => s.id)),
      guardUrl: (url) => checkHop(new URL(url), config.fetch.allowPrivateNetworks),
    }),
    async close() {
      await fetcher.close();
      await parser.close();
      await views.close();
      await events.close();
      await cache.close();
      await store.close();
    },
  };
}

function startScheduler(
  config: Config,
  gateway: Gateway,
  logger: Logger,
  kind: "serve" | "worker",
) {
  const owner = leaseOwnerOf(config, kind);
  logger.info({ owner, leaseMs: config.scheduler.leaseMs }, "scheduler leases");
  const scheduler = createScheduler({
    store: gateway.store,
    ingest: gateway.ingest,
    owner,
    tickMs: config.scheduler.tickMs,
    concurrency: config.scheduler.concurrency,
    hostConcurrency: config.scheduler.hostConcurrency,
    leaseMs: config.scheduler.leaseMs,
    renewMs: config.scheduler.renewMs,
    now: Date.now,
    timers: { setTimeout, clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    onError: (err) => logger.error({ err }, "scheduler tick failed"),
  });
  scheduler.start();
  return scheduler;
}

/** A running service that can be stopped gracefully. */
export interface Running {
  url?: string;
  stop(): Promise<void>;
}

// Responses larger than this are served but not kept (a client asking for everything at once).
const RESPONSE_MAX_BYTES = 1024 * 1024;

// A day: clients send a hash with every request and the query again only after a miss.
const PERSISTED_QUERY_TTL_SECONDS = 24 * 3600;

/** What a caller may change in a served gateway (tests drive the rate limits' clock). */
export interface ServeOptions {
  /** The rate limits' clock in epoch ms; `Date.now` by default. */
  now?: () => number;
  /** Prometheus metrics served at /metrics (startServer makes them). */
  metrics?: GatewayMetrics;
}

/** `newsgate serve`: the GraphQL API, plus the scheduler unless disabled. */
export async function startServer(
  config: Config,
  logger: Logger,
  options: ServeOptions = {},
): Promise<Running> {
  const metrics = options.metrics ?? createGatewayMetrics();
  const gateway = await openGateway(config, logger, {
    onQuery: metrics.storeQuery,
    onIngest: metrics.ingested,
  });
  return serveGateway(gateway, config, logger, { ...options, metrics });
}

/** Serves an open gateway (and runs its scheduler unless disabled); stopping closes it. */
export async function serveGateway(
  gateway: Gateway,
  config: Config,
  logger: Logger,
  options: ServeOptions = {},
): Promise<Running> {
  const isAdmin = createApiKeyCheck(config.apiKeys);
  const schema = await buildGatewaySchema(gateway.events);
  const limiter = config.redisUrl
    ? await createRedisRateLimiter({
        url: config.redisUrl,
        prefix: config.cachePrefix,
        logger: logger.child({ part: "redis" }),
        ...(gateway.redisBreaker && { breaker: gateway.redisBreaker }),
      })
    : createMemoryRateLimiter();
  const { anonymous, apiKey } = config.rateLimit;
  const clientLimits =
    anonymous || apiKey
      ? createClientLimits({
          limiter,
          anonymous,
          apiKey,
          isKnownKey: isAdmin,
          now: options.now ?? Date.now,
        })
      : null;
  const server = await createHttpServer({
    schema,
    compiled: config.compiledExecution,
    production: config.env === "production",
    bodyLimitBytes: config.bodyLimitBytes,
    limits: config.limits,
    persistedQueries: createPersistedQueryCache({
      cache: gateway.cache,
      keyOf: createCacheKeys(config.cachePrefix).persistedQuery,
      ttlSeconds: PERSISTED_QUERY_TTL_SECONDS,
    }),
    createContext: ({ authorization, client, responseFill, rateClient }) =>
      createContext({
        ...gateway,
        admin: isAdmin(authorization),
        client,
        responseFill,
        rateClient,
      }),
    clientLimits,
    cors: config.cors,
    metrics: options.metrics,
    addressOf: createClientAddress(config.trustProxy),
    responseCache: config.responseCache
      ? createResponseCache({
          schema,
          store: gateway.responses,
          base: { maxAge: config.cacheTtlSeconds, reads: ["articles"] },
          maxBodyBytes: RESPONSE_MAX_BYTES,
          now: Date.now,
          onError: (err) => logger.warn({ err }, "response cache failed"),
        })
      : null,
    readiness: async () => {
      const store = await gateway.store.ping().then(
        () => "up" as const,
        () => "down" as const,
      );
      const views = gateway.views.health();
      return {
        ready: store === "up",
        store,
        cache: gateway.cache.state(),
        ...(views && { views }),
        ...(gateway.cache.kind !== "memory" && { badCacheValues: gateway.badCacheValues() }),
      };
    },
    logger,
  });
  options.metrics?.watch({
    breaker: () => gateway.redisBreaker?.state() ?? null,
    viewsHeld: () => gateway.views.health()?.views ?? 0,
    badCacheValues: () => gateway.badCacheValues(),
    socketsOpen: () => server.socketsOpen(),
  });
  // Listening comes first: a port in use stops the start before any ingest or timer begins.
  let url: string;
  try {
    url = await server.listen(config.port, config.host);
  } catch (error) {
    await server.close().catch(() => undefined);
    await limiter.close();
    await gateway.close();
    throw error;
  }
  const scheduler = config.scheduler.enabled
    ? startScheduler(config, gateway, logger, "serve")
    : null;
  // The rankings are made afresh at once after a flush that brought views, not by a request.
  const flushViews = () =>
    flushViewCounts(gateway.views, gateway.store, gateway.generations)
      .then((flushed) => (flushed > 0 ? gateway.rankings.refresh() : undefined))
      .catch((err: unknown) => logger.warn({ err }, "views: flush failed"));
  const flushTimer = setInterval(flushViews, VIEW_FLUSH_MS);
  flushTimer.unref();
  logger.info({ url, sources: config.sources.length }, "newsgate listening");
  return {
    url,
    async stop() {
      await scheduler?.stop();
      await server.close();
      clearInterval(flushTimer);
      // The views counted since the last flush go to the store before the counter closes.
      await flushViews();
      await limiter.close();
      await gateway.close();
    },
  };
}

// How often counted views are added to the stored totals; a lost Redis loses at most this much.
const VIEW_FLUSH_MS = 30_000;

/** `newsgate worker`: the scheduler alone. */
export async function startWorker(config: Config, logger: Logger): Promise<Running> {
  const gateway = await openGateway(config, logger, NO_API);
  const scheduler = startScheduler(config, gateway, logger, "worker");
  logger.info({ sources: config.sources.length }, "newsgate worker started");
  return {
    async stop() {
      await scheduler.stop();
      await gateway.close();
    },
  };
}

/** `newsgate ingest`: one pass over due sources (or all, or the given ids), then close. */
export async function runIngestPass(
  config: Config,
  logger: Logger,
  opts: {
    all: boolean;
    ids: string[];
    /** Told how many sources the pass claimed, before any is fetched. */
    onClaimed?: (count: number) => void;
    /** Told of each source as it finishes (in the order they finish). */
    onReport?: (report: IngestReport) => void;
    /** Told of the failed sources after the pass, as stored (when they are tried next). */
    onFailed?: (sources: Source[]) => void;
  },
): Promise<IngestReport[]> {
  const gateway = await openGateway(config, logger, NO_API);
  try {
    const claimed = await gateway.store.claimDueSources({
      now: Date.now(),
      owner: `${hostname()}:${process.pid}:ingest`,
      leaseMs: passLeaseMsFor(config),
      limit: 10_000,
      all: opts.all,
      ids: opts.ids.length > 0 ? opts.ids : undefined,
    });
    opts.onClaimed?.(claimed.length);
    const reports = await runPerHost(
      createHostLimiter(config.scheduler),
      claimed,
      async (source) => {
        const report = await gateway.ingest(source);
        opts.onReport?.(report);
        return report;
      },
    );
    const failed = reports.filter((r) => !r.ok).map((r) => r.sourceId);
    if (failed.length > 0 && opts.onFailed) opts.onFailed(await gateway.store.getSources(failed));
    return reports;
  } finally {
    await gateway.close();
  }
}

/** Opens the store (syncing config sources), runs `use`, closes it: `sources` and `opml`. */
export async function withStore<T>(config: Config, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openSyncedStore(config, { readThreads: { threads: 0 } });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/**
 * Runs `use` with the source administration over a synced store (for `sources` and `opml`
 * commands); refreshing a source needs the gateway, which `serve` and its API provide.
 */
export async function withSourceAdmin<T>(
  config: Config,
  use: (admin: SourceAdmin) => Promise<T>,
): Promise<T> {
  return withStore(config, (store) =>
    use(
      createSourceAdmin({
        store,
        findFeed: (url) => findFeedFor(config, url),
        ingest: () => Promise.reject(new Error("refreshing a source needs the running gateway")),
        configIds: new Set(config.sources.map((s) => s.id)),
        guardUrl: (url) => checkHop(new URL(url), config.fetch.allowPrivateNetworks),
      }),
    ),
  );
}
