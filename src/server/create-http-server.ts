import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { expressMiddleware } from "@as-integrations/express5";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Config } from "../config";
import { corsMiddleware } from "./cors-middleware";
import { type RequestLogNotes, requestLog } from "./request-log";
import type { GatewayMetrics } from "./gateway-metrics";
import express, { type RequestHandler } from "express";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import type { GatewayContext } from "./context";
import { createCompiledExecution } from "./compiled-execution";
import { createErrorFormatter } from "./format-error";
import { createHealthRoutes, type ReadinessCheck } from "./health-routes";
import { jsonErrors } from "./json-errors";
import { requireUtf8 } from "./require-utf8";
import type { ResponseCache, ResponseFill } from "./response-cache";
import { costLimitPlugin, limitRules, type QueryLimits } from "./query-limits";
import type { ClientLimits, RateClient } from "./client-limits";
import { chargeOperation, rateLimitMiddleware } from "./rate-limit-middleware";
import { createSocketChecks } from "./socket-checks";

// Distinct operations kept compiled; apps send a handful, explorers a few hundred a day.
const COMPILED_OPERATIONS = 1000;

/** The running HTTP side of the gateway. */
export interface GatewayHttpServer {
  httpServer: Server;
  /** WebSocket (subscription) connections open now. */
  socketsOpen(): number;
  /** Starts listening; resolves with the bound URL of /graphql. */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

/** Builds Express + Apollo Server at /graphql with health routes; nothing listens yet. */
export async function createHttpServer(deps: {
  schema: GraphQLSchema;
  /** Run operations compiled (graphql-jit) rather than interpreted (graphql-js). */
  compiled: boolean;
  production: boolean;
  bodyLimitBytes: number;
  limits: QueryLimits;
  /** Where automatic persisted queries are kept (bounded, with a TTL). */
  persistedQueries: KeyValueCache<string>;
  /** Builds one request's context from what it presented. */
  createContext: (request: {
    authorization?: string;
    client?: string;
    responseFill?: ResponseFill | null;
    rateClient?: RateClient | null;
  }) => GatewayContext;
  /** The per-client rate limits of /graphql (HTTP and WebSocket); null or absent: off. */
  clientLimits?: ClientLimits | null;
  /** The client's address of a request (as TRUST_PROXY says); the peer's by default. */
  addressOf?: (req: IncomingMessage) => string;
  /** Whole responses of anonymous queries kept and served again; null: off. */
  responseCache: ResponseCache | null;
  /** Browser origins allowed to call /graphql (CORS_ORIGINS); null answers no preflight. */
  cors?: Config["cors"];
  /** Prometheus metrics, served at /metrics; none without. */
  metrics?: GatewayMetrics;
  readiness: ReadinessCheck;
  logger: Logger;
}): Promise<GatewayHttpServer> {
  const clientLimits = deps.clientLimits ?? null;
  const addressOf = deps.addressOf ?? peerAddress;
  const app = express();
  app.disable("x-powered-by");
  // Express would hash every reply for an ETag; cached responses carry their own (computed once).
  app.set("etag", false);
  const httpServer = createServer(app);
  // Subscriptions (graphql-ws) share the HTTP server and the /graphql path. Upgrades are handed
  // over here rather than by attaching ws to the server, which would repeat the server's own
  // errors (a port in use) as a WebSocket error with a stack; listen() reports those.
  const wsServer = new WebSocketServer({ noServer: true });
  httpServer.on("upgrade", (req, socket, head) => {
    if (new URL(req.url ?? "/", "http://localhost").pathname !== "/graphql") {
      socket.destroy();
      return;
    }
    wsServer.handleUpgrade(req, socket, head, (ws) => wsServer.emit("connection", ws, req));
  });
  const socketChecks = createSocketChecks({
    ...deps,
    clientLimits,
    addressOf,
    hideSuggestions: deps.production,
  });
  const subscriptions = useServer(
    {
      schema: deps.schema,
      // The same limits as over HTTP, and the rate limit, before an operation starts.
      onSubscribe: (ctx, _id, payload) =>
        socketChecks({
          ...payload,
          authorization: stringParam(ctx.connectionParams?.authorization),
          request: ctx.extra.request,
        }),
      context: (ctx) =>
        deps.createContext({
          authorization: stringParam(ctx.connectionParams?.authorization),
          client: addressOf(ctx.extra.request),
        }),
    },
    wsServer,
  );
  const apollo = new ApolloServer<GatewayContext>({
    ...(deps.compiled
      ? { gateway: createCompiledExecution(deps.schema, { maxOperations: COMPILED_OPERATIONS }) }
      : { schema: deps.schema }),
    introspection: !deps.production,
    // Cheap checks first: tokens while parsing, then depth, aliases and directives while
    // validating, then the cost once variables are known; no resolver runs for a refused one.
    parseOptions: { maxTokens: deps.limits.maxTokens },
    validationRules: limitRules(deps.limits),
    allowBatchedHttpRequests: false,
    // The service stops on SIGINT/SIGTERM itself (leases released, views flushed); Apollo's own
    // handler would stop only Apollo and then raise the signal again, killing the process first.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    persistedQueries: { cache: deps.persistedQueries },
    includeStacktraceInErrorResponses: !deps.production,
    formatError: createErrorFormatter({
      maskInternal: deps.production,
      // Suggestions would spell out the schema that production keeps from introspection.
      hideSuggestions: deps.production,
      onInternal: (formatted, error) =>
        deps.logger.error({ err: error, path: formatted.path }, "graphql error"),
    }),
    // Replies are compact JSON (Apollo appends a newline, a copy of every reply).
    stringifyResult: (value) => JSON.stringify(value),
    plugins: [
      // Its per-field hooks wrap every resolver; our response cache reads hints statically.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        serverWillStart: async () => ({
          drainServer: () => subscriptions.dispose() as Promise<void>,
        }),
      },
      costLimitPlugin<GatewayContext>(deps.schema, deps.limits.maxCost, (cost, context) => {
        const notes = (context as Partial<LogNotesHolder>).requestLog;
        if (notes) notes.cost = cost;
        return clientLimits === null
          ? Promise.resolve()
          : chargeOperation(clientLimits, context.rateClient, cost, "http");
      }),
      ...(deps.responseCache ? [deps.responseCache.plugin] : []),
      ...(deps.metrics ? [deps.metrics.apollo] : []),
      deps.production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
    ],
  });
  await apollo.start();
  if (deps.metrics) app.use(deps.metrics.http);
  app.use(createHealthRoutes(deps.readiness));
  if (deps.metrics) app.get("/metrics", metricsRoute(deps.metrics));
  app.use(
    "/graphql",
    // Only where the lines are written: below `info` a request pays nothing for them.
    ...(deps.logger.isLevelEnabled("info") ? [requestLog(deps.logger, addressOf)] : []),
    // First, so that every answer (a 429 too) carries the CORS headers a browser app needs.
    ...(deps.cors ? [corsMiddleware(deps.cors)] : []),
    // Before the body is read: a client over its budget costs as little as possible.
    ...(clientLimits ? [rateLimitMiddleware(clientLimits, addressOf)] : []),
    requireUtf8(),
    express.json({ limit: deps.bodyLimitBytes }),
    ...(deps.responseCache ? [deps.responseCache.middleware] : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = await deps.createContext({
          authorization: req.headers.authorization,
          client: addressOf(req),
          responseFill: (res.locals.responseFill as ResponseFill | undefined) ?? null,
          rateClient: (res.locals.rateClient as RateClient | undefined) ?? null,
        });
        // Carried on the context (Apollo may copy it): the cost is known only inside Apollo.
        const requestLog = res.locals.requestLog as RequestLogNotes | undefined;
        return requestLog ? Object.assign(context, { requestLog }) : context;
      },
    }),
  );
  app.get("/", (_req, res) => res.redirect("/graphql"));
  app.use(jsonErrors(deps.logger));
  return {
    httpServer,
    socketsOpen: () => wsServer.clients.size,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", (error: NodeJS.ErrnoException) =>
          reject(listenError(error, port, host)),
        );
        httpServer.listen(port, host, () => {
          const { address, port: bound } = httpServer.address() as AddressInfo;
          const shown = address.includes(":") ? `[${address}]` : address;
          resolve(`http://${shown}:${bound}/graphql`);
        });
      }),
    close: () => apollo.stop(),
  };
}

/** `/metrics` in Prometheus's text format. */
function metricsRoute(metrics: GatewayMetrics): RequestHandler {
  return (_req, res, next) => {
    metrics.registry.metrics().then((text) => {
      res.setHeader("content-type", metrics.registry.contentType);
      res.end(text);
    }, next);
  };
}

interface LogNotesHolder {
  requestLog: RequestLogNotes;
}

/** A listen failure said in one line, with what to do about it. */
function listenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  const where = `${host}:${port}`;
  if (error.code === "EADDRINUSE")
    return new Error(
      `${where} is already in use: stop what holds it, or choose another PORT (--port)`,
    );
  if (error.code === "EACCES")
    return new Error(`not allowed to listen on ${where}: choose a PORT above 1023 (--port)`);
  if (error.code === "EADDRNOTAVAIL")
    return new Error(`${host} is not an address of this machine: set HOST (--host)`);
  return new Error(`cannot listen on ${where}: ${error.message}`);
}

function peerAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? "unknown";
}

function stringParam(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
