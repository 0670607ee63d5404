import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { IngestReport } from "../ingest/ingest-report";
import { CACHE_STATUS_HEADER } from "./response-cache";

/** What the gateway knows at scrape time (read then, never pushed). */
export interface MetricsState {
  /** The shared Redis breaker: closed, half-open or open; null without Redis. */
  breaker(): "closed" | "half-open" | "open" | null;
  /** Views held in the process while Redis could not take them. */
  viewsHeld(): number;
  /** Shared-cache values that did not decode (each dropped and reloaded), since start. */
  badCacheValues(): number;
  /** WebSocket connections open (subscriptions). */
  socketsOpen(): number;
}

/** The gateway's Prometheus metrics and the hooks that feed them. */
export interface GatewayMetrics {
  registry: Registry;
  /** Times every HTTP request; counts response-cache hits and misses. */
  http: RequestHandler;
  /** Counts GraphQL operations by name, type and outcome, and their errors by code. */
  apollo: ApolloServerPlugin;
  /** Told of every ingest (fetch outcome, duration, items). */
  ingested(report: IngestReport): void;
  /** Told of every SQL statement's duration. */
  storeQuery(durationMs: number): void;
  /** Reads the state gauges from (set once the gateway is open). */
  watch(state: MetricsState): void;
}

const PREFIX = "newsgate_";
const SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BREAKER_LEVEL = { closed: 0, "half-open": 1, open: 2 } as const;
// Operation names are the client's: only this many distinct ones get their own series.
const MAX_OPERATION_NAMES = 200;

/** Builds the registry (with Node's process metrics) and the gateway's own metrics. */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const registers = [registry];
  let state: MetricsState | null = null;

  const httpRequests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: "HTTP requests answered, by route and status",
    labelNames: ["route", "status"],
    registers,
  });
  const httpSeconds = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: "HTTP request duration, by route",
    labelNames: ["route"],
    buckets: SECONDS,
    registers,
  });
  const responseCache = new Counter({
    name: `${PREFIX}response_cache_total`,
    help: "Whole-response cache lookups, by outcome (hit, miss)",
    labelNames: ["outcome"],
    registers,
  });
  const operations = new Counter({
    name: `${PREFIX}graphql_operations_total`,
    help: "GraphQL operations executed, by name, type and outcome (ok, error)",
    labelNames: ["operation", "type", "outcome"],
    registers,
  });
  const operationSeconds = new Histogram({
    name: `${PREFIX}graphql_operation_duration_seconds`,
    help: "GraphQL operation duration, by name",
    labelNames: ["operation"],
    buckets: SECONDS,
    registers,
  });
  const errors = new Counter({
    name: `${PREFIX}graphql_errors_total`,
    help: "GraphQL errors sent, by code",
    labelNames: ["code"],
    registers,
  });
  const fetches = new Counter({
    name: `${PREFIX}fetches_total`,
    help: "Source fetches, by status (200, 304, file, timeout, parse, ...) and outcome",
    labelNames: ["status", "outcome"],
    registers,
  });
  const fetchSeconds = new Histogram({
    name: `${PREFIX}fetch_duration_seconds`,
    help: "Source fetch and ingest duration",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const items = new Counter({
    name: `${PREFIX}items_ingested_total`,
    help: "Feed items ingested, by what became of them (inserted, updated, unchanged)",
    labelNames: ["result"],
    registers,
  });
  const storeSeconds = new Histogram({
    name: `${PREFIX}store_query_duration_seconds`,
    help: "SQL statement duration",
    buckets: SECONDS,
    registers,
  });
  const gauge = (name: string, help: string, read: (s: MetricsState) => number | null) =>
    new Gauge({
      name: `${PREFIX}${name}`,
      help,
      registers,
      collect() {
        const value = state ? read(state) : null;
        if (value !== null) this.set(value);
      },
    });
  gauge("redis_breaker_state", "Redis breaker: 0 closed, 1 half-open, 2 open", (s) => {
    const at = s.breaker();
    return at === null ? null : BREAKER_LEVEL[at];
  });
  gauge("views_buffered", "Views held in the process while Redis is away", (s) => s.viewsHeld());
  gauge("cache_bad_values", "Cache values that did not decode, since start", (s) =>
    s.badCacheValues(),
  );
  gauge("subscriptions_open", "WebSocket connections open", (s) => s.socketsOpen());

  const names = new Set<string>();
  const nameOf = (operation: string | null | undefined) => {
    const name = operation ?? "anonymous";
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return "other";
    names.add(name);
    return name;
  };

  return {
    registry,
    http(req, res, next) {
      const stop = httpSeconds.startTimer();
      res.once("finish", () => {
        // originalUrl: a router mounted at /graphql sees its own path as "/".
        const route = routeOf(req.originalUrl.split("?")[0]);
        stop({ route });
        httpRequests.inc({ route, status: String(res.statusCode) });
        const cached = res.getHeader(CACHE_STATUS_HEADER);
        if (cached === "hit" || cached === "miss") responseCache.inc({ outcome: cached });
      });
      next();
    },
    apollo: {
      async requestDidStart() {
        const started = performance.now();
        return {
          async willSendResponse({ operation, operationName, response }) {
            const name = nameOf(operationName);
            const body = response.body.kind === "single" ? response.body.singleResult : null;
            const codes = (body?.errors ?? []).map((e) => String(e.extensions?.code ?? "UNKNOWN"));
            for (const code of codes) errors.inc({ code });
            operations.inc({
              operation: name,
              type: operation?.operation ?? "unknown",
              outcome: codes.length > 0 ? "error" : "ok",
            });
            operationSeconds.observe({ operation: name }, (performance.now() - started) / 1000);
          },
        };
      },
    },
    ingested(report) {
      fetches.inc({ status: report.status, outcome: report.ok ? "ok" : "failed" });
      fetchSeconds.observe(report.durationMs / 1000);
      items.inc({ result: "inserted" }, report.inserted);
      items.inc({ result: "updated" }, report.updated);
      items.inc({ result: "unchanged" }, report.unchanged);
    },
    storeQuery: (ms) => storeSeconds.observe(ms / 1000),
    watch(next) {
      state = next;
    },
  };
}

// Paths a client makes up never become series of their own.
function routeOf(path: string): string {
  return ["/graphql", "/healthz", "/readyz", "/metrics"].includes(path) ? path : "other";
}
