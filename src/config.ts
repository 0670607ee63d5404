import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import proxyaddr from "proxy-addr";
import { z } from "zod";
import type { QueryLimits } from "./domain/query-limits";
import type { BucketRate } from "./domain/token-bucket";
import type { SourceDefinition } from "./domain/source";
import { SOURCE_ID_PATTERN } from "./domain/source-id";
import { INTERVAL_BOUNDS_SECONDS } from "./domain/source-schedule";

/** Raised when configuration is invalid; the message names the key and what was wrong. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const intFrom = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number between ${min} and ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** What newsgate says it is when it fetches; a source may override it. */
export const DEFAULT_USER_AGENT = "newsgate/0.1 (+https://github.com/newsgate/newsgate)";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: intFrom(1, 65535).default("4000"),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, "must start with sqlite: or postgres://")
    .default("sqlite:./data/newsgate.db"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
    .optional(),
  CACHE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,32}$/, "must be 1-32 letters, digits, ':', '_' or '-'")
    .default("ng:"),
  CACHE_TTL_SECONDS: intFrom(1, 7 * 24 * 3600).default("300"),
  NEWSGATE_CONFIG: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  FETCH_TIMEOUT_MS: intFrom(100, 300_000).default("15000"),
  FETCH_CONNECT_TIMEOUT_MS: intFrom(100, 300_000).default("10000"),
  FETCH_MAX_BYTES: intFrom(1024, 1024 * 1024 * 1024).default(String(10 * 1024 * 1024)),
  FETCH_USER_AGENT: z.string().min(1).max(300).default(DEFAULT_USER_AGENT),
  ALLOW_PRIVATE_NETWORKS: bool.default("false"),
  MAX_ITEMS_PER_FETCH: intFrom(1, 100_000).default("500"),
  BODY_LIMIT_BYTES: intFrom(1024, 10 * 1024 * 1024).default("102400"),
  SCHEDULER_ENABLED: bool.default("true"),
  SCHEDULER_TICK_MS: intFrom(100, 3_600_000).default("5000"),
  SCHEDULER_CONCURRENCY: intFrom(1, 256).default("4"),
  SCHEDULER_HOST_CONCURRENCY: intFrom(1, 64).default("2"),
  LEASE_MS: intFrom(1000, 3_600_000).default("30000"),
  LEASE_RENEW_MS: intFrom(100, 1_200_000).optional(),
  WORKER_ID: z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, "must be 1-200 printable characters without spaces")
    .optional(),
  GRAPHQL_MAX_DEPTH: intFrom(2, 100).default("12"),
  GRAPHQL_MAX_ALIASES: intFrom(0, 1000).default("20"),
  GRAPHQL_MAX_DIRECTIVES: intFrom(0, 1000).default("20"),
  GRAPHQL_MAX_TOKENS: intFrom(100, 100_000).default("2000"),
  GRAPHQL_MAX_COST: intFrom(10, 1_000_000).default("5000"),
  GRAPHQL_COMPILED: bool.default("true"),
  RESPONSE_CACHE: bool.default("true"),
  API_KEYS: z
    .string()
    .regex(
      /^[A-Za-z0-9._~+/=-]{16,256}(,[A-Za-z0-9._~+/=-]{16,256})*$/,
      "must be comma-separated keys of 16 to 256 characters (letters, digits, ._~+/=-)",
    )
    .optional(),
  RATE_LIMIT_PER_MINUTE: intFrom(0, 100_000_000).default("6000"),
  RATE_LIMIT_BURST: intFrom(0, 100_000_000).default("6000"),
  RATE_LIMIT_API_KEY_PER_MINUTE: intFrom(0, 100_000_000).default("0"),
  RATE_LIMIT_API_KEY_BURST: intFrom(0, 100_000_000).default("0"),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(\d{1,2}|[0-9A-Fa-f:./]+(,[0-9A-Fa-f:./]+)*)$/,
      "must be a hop count or comma-separated addresses/CIDRs of trusted proxies",
    )
    .superRefine((value, ctx) => {
      // Checked here, not when the server starts: 999.1.1.1 or /33 would stop it unnamed.
      if (/^\d+$/.test(value)) return;
      try {
        proxyaddr.compile(value.split(","));
      } catch (err) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: (err as Error).message });
      }
    })
    .optional(),
  CORS_ORIGINS: z
    .string()
    .superRefine((value, ctx) => {
      const problem = describeCorsProblem(value);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    })
    .optional(),
  CORS_CREDENTIALS: bool.default("false"),
  PARSE_THREADS: intFrom(0, 64).optional(),
  SQLITE_READ_THREADS: intFrom(0, 64).optional(),
  PARSE_MAX_HEAP_MB: intFrom(64, 16384).default("512"),
  STORE_BUSY_DEADLINE_MS: intFrom(0, 600_000).default("10000"),
  PG_STATEMENT_TIMEOUT_MS: intFrom(0, 3_600_000).default("30000"),
  PG_LOCK_TIMEOUT_MS: intFrom(0, 3_600_000).default("5000"),
  PG_POOL_SIZE: intFrom(1, 1000).default("10"),
  PG_POOL_WAIT_MS: intFrom(100, 600_000).default("5000"),
});

/* eslint-disable @typescript-eslint/no-require-imports */
// Required when first used, not at import: cron-parser and linkedom take about 170 ms to load, and
// only sources with a schedule or selectors need them (`newsgate parse` of a feed needs neither).
const cronChecks = (): typeof import("./domain/cron-schedule") => require("./domain/cron-schedule");
const selectorChecks = (): typeof import("./pages/read-html") => require("./pages/read-html");
/* eslint-enable @typescript-eslint/no-require-imports */

const cronSchedule = z.string().superRefine((expression, ctx) => {
  const problem = cronChecks().describeCronProblem(expression);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `cron expression ${problem}` });
});

const cssSelector = z
  .string()
  .min(1)
  .max(500)
  .superRefine((selector, ctx) => {
    const problem = selectorChecks().describeSelectorProblem(selector);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  });

const selectorsSchema = z
  .object({
    item: cssSelector,
    title: cssSelector.optional(),
    link: cssSelector.optional(),
    summary: cssSelector.optional(),
    date: cssSelector.optional(),
    image: cssSelector.optional(),
  })
  .strict();

// Without intervalSeconds or schedule a source is polled adaptively, at its own publishing pace.
const sourceSchema = z
  .object({
    id: z.string().regex(SOURCE_ID_PATTERN, "must be a lower-case slug (a-z, 0-9, -)"),
    name: z.string().min(1).max(200),
    url: z.string().min(1),
    kind: z.enum(["rss", "atom", "json", "html"]).default("rss"),
    intervalSeconds: z
      .number()
      .int()
      .min(INTERVAL_BOUNDS_SECONDS.min)
      .max(INTERVAL_BOUNDS_SECONDS.max)
      .optional(),
    schedule: cronSchedule.optional(),
    userAgent: z.string().min(1).max(300).optional(),
    tags: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
    fullText: z.boolean().optional(),
    selectors: selectorsSchema.optional(),
  })
  .strict()
  .superRefine((source, ctx) => {
    if (source.selectors !== undefined && source.kind !== "html") {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["selectors"],
        message: "selectors read pages: give them to a source of kind html",
      });
    }
    if (source.intervalSeconds !== undefined && source.schedule !== undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["schedule"],
        message: "give either schedule or intervalSeconds, not both",
      });
    }
  });

const fileSchema = z.object({ sources: z.array(sourceSchema).default([]) }).strict();

/** The validated configuration every part of newsgate is built from. */
export interface Config {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  databaseUrl: string;
  redisUrl: string | null;
  cachePrefix: string;
  cacheTtlSeconds: number;
  logLevel: string;
  fetch: {
    /** Total deadline of one fetch. */
    timeoutMs: number;
    /** Time to open one connection, within the deadline. */
    connectTimeoutMs: number;
    maxBytes: number;
    userAgent: string;
    /** Lets sources reach loopback and private addresses (tests, intranet feeds). */
    allowPrivateNetworks: boolean;
    maxItemsPerFetch: number;
  };
  bodyLimitBytes: number;
  /** Keys that allow the admin mutations (`Authorization: Bearer KEY`); none: no admin. */
  apiKeys: string[];
  /** How much one GraphQL request may ask for (see query-limits). */
  limits: QueryLimits;
  /** Per-client token buckets in cost units; null: that kind of client is not limited. */
  rateLimit: { anonymous: BucketRate | null; apiKey: BucketRate | null };
  /** Proxies trusted to name the client in X-Forwarded-For: a hop count or CIDRs; null: none. */
  trustProxy: number | string[] | null;
  /** Browser origins allowed to call the API (`"*"`: any, never with credentials); null: none. */
  cors: { origins: string[] | "*"; credentials: boolean } | null;
  /** Run operations compiled to JavaScript (graphql-jit) instead of interpreted. */
  compiledExecution: boolean;
  /** Keep and serve again whole responses of anonymous queries. */
  responseCache: boolean;
  scheduler: {
    enabled: boolean;
    tickMs: number;
    concurrency: number;
    hostConcurrency: number;
    /** How long a claim or a renewal holds a source (LEASE_MS). */
    leaseMs: number;
    /** How often a worker renews the leases it holds (LEASE_RENEW_MS; a third of the lease). */
    renewMs: number;
    /** The lease owner (WORKER_ID); null: derived from the host and port (see main). */
    workerId: string | null;
  };
  /** Parse threads (0: parse on the main thread; null: one per core, at most 4) and their heap. */
  parse: { threads: number | null; maxHeapMb: number };
  /** SQLite reader threads for the API's reads (0: the main thread; null: one per core, at most 4). */
  sqliteReadThreads: number | null;
  /** How the store bounds its waits on the database (createStore's options of the same names). */
  store: {
    busyDeadlineMs: number;
    postgres: {
      statementTimeoutMs: number;
      lockTimeoutMs: number;
      poolSize: number;
      poolWaitMs: number;
    };
  };
  /** Where the sources came from (a config file path), for messages. */
  sourcesFile: string | null;
  sources: SourceDefinition[];
}

/** Environment keys newsgate reads; the compose file test checks against these. */
export const CONFIG_KEYS = Object.keys(envSchema.shape);

function describeIssues(error: z.ZodError, where: string): string {
  return error.issues
    .map((issue) => {
      const key = issue.path.length ? issue.path.join(".") : "(root)";
      return `${where}${key}: ${issue.message}`;
    })
    .join("; ");
}

/** Resolves a source URL from the config file: http(s) stays, paths become file: URLs. */
function resolveSourceUrl(url: string, baseDir: string, key: string): string {
  if (/^https?:\/\//i.test(url)) return new URL(url).href;
  if (url.startsWith("file:")) return url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    throw new ConfigError(`${key}: scheme not allowed in "${url}" (use http, https or a path)`);
  }
  return pathToFileURL(isAbsolute(url) ? url : resolve(baseDir, url)).href;
}

/** Reads and validates a sources file; file sources are allowed here and only here. */
export function loadSourcesFile(path: string): SourceDefinition[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new ConfigError(`NEWSGATE_CONFIG: cannot read ${path}: ${(err as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error, `${path}: `));
  const seen = new Set<string>();
  return parsed.data.sources.map((s, i) => {
    if (seen.has(s.id)) throw new ConfigError(`${path}: sources.${i}.id: duplicate id "${s.id}"`);
    seen.add(s.id);
    return {
      id: s.id,
      name: s.name,
      url: resolveSourceUrl(s.url, dirname(path), `${path}: sources.${i}.url`),
      kind: s.kind,
      intervalSeconds: s.intervalSeconds ?? null,
      schedule: s.schedule ?? null,
      userAgent: s.userAgent ?? null,
      tags: s.tags ?? [],
      fullText: s.fullText ?? false,
      selectors: s.selectors ?? null,
    };
  });
}

/** TRUST_PROXY as a hop count or a list of CIDRs (null: X-Forwarded-For is ignored). */
/** `*`, or the origins of a comma-separated list (each `scheme://host[:port]`, no path). */
function corsOriginsOf(value: string): string[] | "*" {
  return value.trim() === "*" ? "*" : value.split(",").map((o) => o.trim().replace(/\/$/, ""));
}

function describeCorsProblem(value: string): string | null {
  const origins = corsOriginsOf(value);
  if (origins === "*") return null;
  for (const origin of origins) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return `"${origin}" is not an origin (scheme://host[:port], comma-separated, or *)`;
    }
    if (!/^https?:$/.test(url.protocol) || url.origin !== origin)
      return `"${origin}" is not an origin: write it as ${url.origin} (scheme://host[:port], no path)`;
  }
  return null;
}

function trustProxyOf(value: string | undefined): number | string[] | null {
  if (value === undefined || value === "0") return null;
  return /^\d+$/.test(value) ? Number(value) : value.split(",");
}

/** A bucket rate, or null (no limit) when either number is 0. */
function bucketRate(perMinute: number, burst: number): BucketRate | null {
  return perMinute > 0 && burst > 0 ? { perMinute, burst } : null;
}

/** Picks the sources file: NEWSGATE_CONFIG, else ./newsgate.config.json, else the examples. */
function findSourcesFile(explicit: string | undefined, cwd: string, packageRoot: string) {
  if (explicit) return resolve(cwd, explicit);
  const local = resolve(cwd, "newsgate.config.json");
  if (existsSync(local)) return local;
  const bundled = resolve(packageRoot, "examples", "newsgate.config.json");
  return existsSync(bundled) ? bundled : null;
}

/** The heartbeat: a third of the lease unless set, and always well inside it. */
function renewMsOf(leaseMs: number, renewMs: number | undefined): number {
  if (renewMs === undefined) return Math.floor(leaseMs / 3);
  if (renewMs * 2 > leaseMs) {
    throw new ConfigError(`LEASE_RENEW_MS: must be at most half of LEASE_MS (${leaseMs})`);
  }
  return renewMs;
}

/** Parses and validates the environment (and the sources file) once; throws ConfigError. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  opts: { cwd?: string; packageRoot?: string; overrides?: Record<string, string> } = {},
): Config {
  const cleaned = Object.fromEntries(
    Object.entries({ ...env, ...opts.overrides }).filter(
      ([k, v]) => k in envSchema.shape && v !== undefined && v !== "",
    ),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error, ""));
  const e = parsed.data;
  if (e.CORS_CREDENTIALS && e.CORS_ORIGINS?.trim() === "*")
    throw new ConfigError("CORS_CREDENTIALS: true needs the origins named in CORS_ORIGINS, not *");
  const cwd = opts.cwd ?? process.cwd();
  const sourcesFile = findSourcesFile(e.NEWSGATE_CONFIG, cwd, opts.packageRoot ?? cwd);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL ?? null,
    cachePrefix: e.CACHE_PREFIX,
    cacheTtlSeconds: e.CACHE_TTL_SECONDS,
    logLevel: e.LOG_LEVEL,
    fetch: {
      timeoutMs: e.FETCH_TIMEOUT_MS,
      connectTimeoutMs: e.FETCH_CONNECT_TIMEOUT_MS,
      maxBytes: e.FETCH_MAX_BYTES,
      userAgent: e.FETCH_USER_AGENT,
      allowPrivateNetworks: e.ALLOW_PRIVATE_NETWORKS,
      maxItemsPerFetch: e.MAX_ITEMS_PER_FETCH,
    },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    apiKeys: e.API_KEYS ? e.API_KEYS.split(",") : [],
    limits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxCost: e.GRAPHQL_MAX_COST,
    },
    rateLimit: {
      anonymous: bucketRate(e.RATE_LIMIT_PER_MINUTE, e.RATE_LIMIT_BURST),
      apiKey: bucketRate(e.RATE_LIMIT_API_KEY_PER_MINUTE, e.RATE_LIMIT_API_KEY_BURST),
    },
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    cors: e.CORS_ORIGINS
      ? { origins: corsOriginsOf(e.CORS_ORIGINS), credentials: e.CORS_CREDENTIALS }
      : null,
    compiledExecution: e.GRAPHQL_COMPILED,
    responseCache: e.RESPONSE_CACHE,
    scheduler: {
      enabled: e.SCHEDULER_ENABLED,
      tickMs: e.SCHEDULER_TICK_MS,
      concurrency: e.SCHEDULER_CONCURRENCY,
      hostConcurrency: e.SCHEDULER_HOST_CONCURRENCY,
      leaseMs: e.LEASE_MS,
      renewMs: renewMsOf(e.LEASE_MS, e.LEASE_RENEW_MS),
      workerId: e.WORKER_ID ?? null,
    },
    parse: { threads: e.PARSE_THREADS ?? null, maxHeapMb: e.PARSE_MAX_HEAP_MB },
    sqliteReadThreads: e.SQLITE_READ_THREADS ?? null,
    store: {
      busyDeadlineMs: e.STORE_BUSY_DEADLINE_MS,
      postgres: {
        statementTimeoutMs: e.PG_STATEMENT_TIMEOUT_MS,
        lockTimeoutMs: e.PG_LOCK_TIMEOUT_MS,
        poolSize: e.PG_POOL_SIZE,
        poolWaitMs: e.PG_POOL_WAIT_MS,
      },
    },
    sourcesFile,
    sources: sourcesFile ? loadSourcesFile(sourcesFile) : [],
  };
}
