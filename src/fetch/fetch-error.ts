/** Why a fetch failed; the scheduler records it on the source. */
export type FetchErrorKind =
  "timeout" | "too-large" | "http" | "network" | "redirects" | "scheme" | "file" | "blocked";

/** A failed fetch, with a one-line message that names the URL (`fetch: HTTP 503 from ...`). */
export class FetchError extends Error {
  override name = "FetchError";
  /** For HTTP 429 and 503: the wait the server's `Retry-After` asked for, in ms; else null. */
  readonly retryAfterMs: number | null;

  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    /** The URL being fetched when it failed (after redirects), credentials removed. */
    readonly url: string,
    /** The HTTP status for kind `http`, else null. */
    readonly status: number | null = null,
    options?: { cause?: unknown; retryAfterMs?: number | null },
  ) {
    super(message, options);
    this.retryAfterMs = options?.retryAfterMs ?? null;
  }
}

/** Thrown at connect time when a host is or resolves to an address the guard refuses. */
export class BlockedAddressError extends Error {
  override name = "BlockedAddressError";
  readonly code = "ERR_BLOCKED_ADDRESS";

  constructor(
    readonly address: string,
    /** The refused range, as named by `classifyAddress`. */
    readonly range: string,
  ) {
    super(`refused to connect to ${address} (${range})`);
  }
}

/** Returns the `blocked` FetchError for a refused address while fetching a URL. */
export function blockedError(address: string, range: string, url: string): FetchError {
  const where = describeUrl(url);
  return new FetchError(
    "blocked",
    `fetch: refused to connect to ${address} (${range}) for ${where}; ` +
      "set ALLOW_PRIVATE_NETWORKS=true to fetch from private networks",
    where,
  );
}

/** Returns the URL for messages: credentials removed, unparseable input quoted as given. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return parsed.href;
    parsed.username = "";
    parsed.password = "";
    return parsed.href;
  } catch {
    return JSON.stringify(url);
  }
}

/** Returns a byte count as people write it: `10 MiB`, `512 KiB`, `1000 bytes`. */
export function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host lookup failed",
  EHOSTUNREACH: "host unreachable",
  UND_ERR_SOCKET: "connection closed by the server",
};
const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"]);

/** The time limits an HTTP fetch runs under, for messages. */
export interface FetchTimeouts {
  /** The total deadline of one fetch. */
  timeoutMs: number;
  /** The time to open one connection (TCP and TLS). */
  connectTimeoutMs: number;
}

/**
 * Turns whatever an HTTP fetch threw into a FetchError: `timeout` when the deadline hit or a
 * connection took too long to open (each said in its own words), else `network` or `blocked`.
 */
export function classifyFetchFailure(
  error: unknown,
  url: string,
  deadlineHit: boolean,
  timeouts: FetchTimeouts,
): FetchError {
  if (error instanceof FetchError) return error;
  const blocked = findBlocked(error);
  if (blocked) return blockedError(blocked.address, blocked.range, url);
  const where = describeUrl(url);
  const code = errorCode(error);
  const options = { cause: error };
  if (!deadlineHit && code === "UND_ERR_CONNECT_TIMEOUT") {
    const message = `fetch: connect timeout after ${timeouts.connectTimeoutMs} ms fetching ${where}`;
    return new FetchError("timeout", message, where, null, options);
  }
  if (deadlineHit || TIMEOUT_CODES.has(code)) {
    const message = `fetch: deadline of ${timeouts.timeoutMs} ms passed fetching ${where}`;
    return new FetchError("timeout", message, where, null, options);
  }
  const reason = NETWORK_REASONS[code] ?? describeCause(error, code);
  return new FetchError("network", `fetch: ${reason} fetching ${where}`, where, null, options);
}

/** One line about an unexpected error: its first message line, else its code or name. */
function describeCause(error: unknown, code: string): string {
  const message = error instanceof Error ? error.message.split("\n")[0].trim() : String(error);
  return message || code || (error as Error)?.name || "unknown error";
}

/** Finds a BlockedAddressError however deep undici or node:net wrapped it. */
function findBlocked(error: unknown): BlockedAddressError | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as Error).cause, depth++) {
    if (e instanceof BlockedAddressError) return e;
  }
  return null;
}

function errorCode(error: unknown): string {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === "string" ? code : "";
}
