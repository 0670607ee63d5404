import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import type { Request, RequestHandler, Response } from "express";
import type { DocumentNode, GraphQLSchema } from "graphql";
import type { CacheScope, GenerationSnapshot } from "../cache/generations";
import { type CacheableRequest, readCacheableRequest } from "./cacheable-request";
import { type CacheHint, openPolicy, type ResponsePolicy, restrictPolicy } from "./cache-hint";
import { operationCachePolicy } from "./operation-cache-policy";
import { isFresh, type ResponseStore, type StoredResponse } from "./response-store";

/**
 * What a request that missed the cache carries through Apollo so that its response can be kept;
 * resolvers whose answer depends on their arguments tighten its policy (`hint`).
 */
export interface ResponseFill {
  key: string;
  operation: string;
  method: CacheableRequest["method"];
  /** The generations read before execution (a change during it retires what it makes); null
   * when the store could not be read: the response is then shared, not kept. */
  current: GenerationSnapshot | null;
  policy: ResponsePolicy;
  /** Hands the response made (or null) to identical requests that waited, and keeps it. */
  settle(stored: StoredResponse | null): void;
}

// One request's lookup or fill that identical requests wait for.
interface Flight {
  settle(stored: StoredResponse | null): void;
  forget(): void;
}

/** What the response cache needs from each request's context. */
export interface ResponseFillHolder {
  responseFill: ResponseFill | null;
}

/** The response cache: an Express middleware that answers, and an Apollo plugin that fills. */
export interface ResponseCache {
  middleware: RequestHandler;
  plugin: ApolloServerPlugin<ResponseFillHolder>;
}

/** Options of {@link createResponseCache}. */
export interface ResponseCacheOptions {
  schema: GraphQLSchema;
  store: ResponseStore;
  /** What every response gets before its fields' hints: the longest it lives, what it reads. */
  base: CacheHint;
  /** Larger responses are not kept. */
  maxBodyBytes: number;
  now: () => number;
  /** Told of a store failure; the request is then served without the cache. */
  onError: (error: unknown) => void;
}

const MAX_OPERATIONS_REMEMBERED = 10_000;

/** The header that says whether the response cache answered. */
export const CACHE_STATUS_HEADER = "x-newsgate-cache";

/**
 * Builds the whole-response cache for anonymous queries. A request is keyed by its document,
 * operation name and variables; a stored response is served while it is within its max age and
 * no generation it read has been bumped. A burst of identical misses executes once.
 */
export function createResponseCache(opts: ResponseCacheOptions): ResponseCache {
  const waiting = new Map<string, Promise<StoredResponse | null>>();
  const policyOf = createPolicyMemo(opts.schema, opts.base);
  // Operations seen to be mutations or subscriptions: they skip the lookup from then on.
  const neverKept = new LRUCache<string, true>({ max: MAX_OPERATIONS_REMEMBERED });

  const middleware: RequestHandler = (req, res, next) => {
    const request = readCacheableRequest(req);
    if (request === null || neverKept.has(request.operation)) return next();
    answer(req, res, request).then((answered) => answered || next(), next);
  };

  // One lookup (and, on a miss, one execution) per key at a time: identical requests arriving
  // meanwhile wait for its outcome instead of asking the store or executing themselves.
  async function answer(req: Request, res: Response, request: CacheableRequest) {
    const shared = waiting.get(request.key);
    if (shared !== undefined) {
      const made = await shared;
      return made !== null && send(req, res, request, made, opts.now());
    }
    const flight = startFlight(request.key);
    const found = await opts.store.lookup(request.key).catch((error: unknown) => {
      opts.onError(error);
      return null;
    });
    if (found?.stored && isFresh(found.stored, found.current, opts.now())) {
      flight.settle(found.stored);
      flight.forget();
      return send(req, res, request, found.stored, opts.now());
    }
    // With the store down, the response made is still shared with the waiters, but not kept.
    startFill(res, request, found?.current ?? null, flight);
    return false;
  }

  function startFlight(key: string): Flight {
    let resolve!: (stored: StoredResponse | null) => void;
    const made = new Promise<StoredResponse | null>((r) => (resolve = r));
    waiting.set(key, made);
    return {
      settle: resolve,
      forget: () => {
        if (waiting.get(key) === made) waiting.delete(key);
      },
    };
  }

  // This request makes the response. The flight ends once the response is kept (so that a
  // request arriving in between finds it), or with the request if nothing is kept.
  function startFill(
    res: Response,
    request: CacheableRequest,
    current: GenerationSnapshot | null,
    flight: Flight,
  ) {
    let keeping = false;
    const fill: ResponseFill = {
      ...request,
      current,
      policy: openPolicy(Infinity),
      settle: (stored) => {
        flight.settle(stored);
        if (stored === null || current === null) return flight.forget();
        keeping = true;
        opts.store
          .keep(request.key, stored)
          .catch(opts.onError)
          .finally(() => flight.forget());
      },
    };
    // Whatever happens to the request (an error, a closed socket), the waiters are released.
    res.once("close", () => {
      flight.settle(null);
      if (!keeping) flight.forget();
    });
    res.locals.responseFill = fill;
    res.setHeader(CACHE_STATUS_HEADER, "miss");
  }

  const listener: GraphQLRequestListener<ResponseFillHolder> = {
    async willSendResponse({ contextValue, response, document, request }) {
      const fill = contextValue.responseFill;
      if (fill === null) return;
      const body = response.body.kind === "single" ? response.body.singleResult : null;
      const policy = document ? policyOf(document, request.operationName) : undefined;
      if (policy === null) neverKept.set(fill.operation, true);
      if (body === null || body.errors?.length || !policy) return fill.settle(null);
      const stored = toStored(body, mergePolicies(policy, fill.policy), fill.current, opts);
      fill.settle(stored);
      if (stored === null) return;
      response.http.headers.set("etag", stored.etag);
      if (fill.method === "GET")
        response.http.headers.set("cache-control", publicFor(stored.maxAge));
    },
  };

  return { middleware, plugin: { requestDidStart: async () => listener } };
}

/** Tightens the fill's policy by a hint (for a resolver whose arguments decide what it reads). */
export function hintResponse(holder: ResponseFillHolder, hint: CacheHint): void {
  if (holder.responseFill !== null) restrictPolicy(holder.responseFill.policy, hint);
}

function mergePolicies(fixed: ResponsePolicy, runtime: ResponsePolicy): ResponsePolicy {
  const merged = openPolicy(Math.min(fixed.maxAge, runtime.maxAge));
  for (const scope of [...fixed.reads, ...runtime.reads]) merged.reads.add(scope);
  return merged;
}

function toStored(
  result: { data?: unknown; extensions?: unknown },
  policy: ResponsePolicy,
  current: GenerationSnapshot | null,
  opts: ResponseCacheOptions,
): StoredResponse | null {
  if (policy.maxAge <= 0) return null;
  // The same text Apollo sends (its own order of fields, without errors), as UTF-8 once.
  const body = Buffer.from(JSON.stringify({ data: result.data, extensions: result.extensions }));
  if (body.length > opts.maxBodyBytes) return null;
  const generations: Partial<Record<CacheScope, number>> = {};
  for (const scope of policy.reads) generations[scope] = current?.[scope] ?? -1;
  const digest = createHash("sha1").update(body).digest("base64url");
  return {
    body,
    etag: `"${digest}"`,
    storedAt: opts.now(),
    maxAge: policy.maxAge,
    generations,
  };
}

function send(
  req: Request,
  res: Response,
  request: CacheableRequest,
  stored: StoredResponse,
  now: number,
): true {
  const headers: Record<string, string | number> = {
    "content-type": "application/json; charset=utf-8",
    "content-length": stored.body.length,
    etag: stored.etag,
  };
  // Set, not passed to writeHead, so that it can be read back (the metrics count hits by it).
  res.setHeader(CACHE_STATUS_HEADER, "hit");
  if (request.method === "GET") {
    const left = Math.max(0, Math.floor(stored.maxAge - (now - stored.storedAt) / 1000));
    headers["cache-control"] = publicFor(left);
    if (matchesEtag(req.headers["if-none-match"], stored.etag)) {
      delete headers["content-length"];
      res.writeHead(304, headers).end();
      return true;
    }
  }
  res.writeHead(200, headers).end(stored.body);
  return true;
}

function publicFor(seconds: number): string {
  return `public, max-age=${seconds}`;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

// A document's policy per operation name, read once (Apollo keeps one document per text).
function createPolicyMemo(schema: GraphQLSchema, base: CacheHint) {
  const memo = new WeakMap<DocumentNode, Map<string, ResponsePolicy | null>>();
  return (document: DocumentNode, operationName: string | null | undefined) => {
    let byName = memo.get(document);
    if (byName === undefined) memo.set(document, (byName = new Map()));
    const name = operationName ?? "";
    if (!byName.has(name)) {
      byName.set(name, operationCachePolicy(schema, document, operationName, base));
    }
    return byName.get(name) ?? null;
  };
}
