import { createHash } from "node:crypto";
import type { Request } from "express";
import { stringifyStable } from "../cache/cache-keys";

/** A GraphQL request the response cache may answer: its key, and how it came. */
export interface CacheableRequest {
  /** A hash of the document, the operation name and the variables. */
  key: string;
  /** The document's hash and the operation name: what says whether it can be cached at all. */
  operation: string;
  method: "GET" | "POST";
}

// Request headers that a browser cannot send across origins without a preflight.
const PREFLIGHT_HEADERS = ["x-apollo-operation-name", "apollo-require-preflight"];

/**
 * The cache key of a request that may be answered from the response cache, or null: requests
 * with credentials (admin reads are never cached), batches, requests Apollo's CSRF rule would
 * refuse, and anything malformed go to Apollo, which answers them as it always does.
 */
export function readCacheableRequest(req: Request): CacheableRequest | null {
  if (req.headers.authorization !== undefined) return null;
  if (!passesCsrfRule(req)) return null;
  // The graphql-response+json media type is Apollo's to negotiate.
  if (req.headers.accept?.includes("graphql-response")) return null;
  const params = paramsOf(req);
  if (params === null) return null;
  const document = documentHash(params.query, params.extensions);
  if (document === null) return null;
  const operationName = typeof params.operationName === "string" ? params.operationName : "";
  const variables = params.variables ?? {};
  if (typeof variables !== "object" || variables === null || Array.isArray(variables)) return null;
  const operation = `${document}\u0000${operationName}`;
  const key = createHash("sha256")
    .update(`${operation}\u0000${stringifyStable(variables)}`)
    .digest("hex");
  return { key, operation, method: req.method as "GET" | "POST" };
}

interface RequestParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

// POST: the parsed JSON body; GET: query parameters, variables and extensions as JSON text.
function paramsOf(req: Request): RequestParams | null {
  if (req.method === "POST") {
    const body: unknown = req.body;
    return typeof body === "object" && body !== null && !Array.isArray(body) ? body : null;
  }
  if (req.method !== "GET") return null;
  const query = req.query as Record<string, unknown>;
  try {
    return {
      query: query.query,
      operationName: query.operationName,
      variables: typeof query.variables === "string" ? JSON.parse(query.variables) : undefined,
      extensions: typeof query.extensions === "string" ? JSON.parse(query.extensions) : undefined,
    };
  } catch {
    return null;
  }
}

// The document's sha256, from its text or from the persisted-query hash that names it; a text
// that does not match its hash is Apollo's to refuse.
function documentHash(query: unknown, extensions: unknown): string | null {
  const named = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
    ?.persistedQuery?.sha256Hash;
  const persisted = typeof named === "string" && /^[0-9a-f]{64}$/.test(named) ? named : null;
  if (typeof query !== "string") return persisted;
  const hash = createHash("sha256").update(query).digest("hex");
  return named === undefined || hash === persisted ? hash : null;
}

// Stricter than Apollo's CSRF rule: what passes here passes there.
function passesCsrfRule(req: Request): boolean {
  const type = req.headers["content-type"]?.split(";")[0].trim().toLowerCase();
  if (type === "application/json") return true;
  return PREFLIGHT_HEADERS.some((name) => {
    const value = req.headers[name];
    return typeof value === "string" && value.length > 0;
  });
}
