/** Why a fetch failed; the scheduler records it on the source. */
export type FetchErrorKind =
  "timeout" | "too-large" | "http" | "network" | "redirects" | "scheme" | "file";

/** A failed fetch, with a one-line message that names the URL (`fetch: HTTP 503 from ...`). */
export class FetchError extends Error {
  override name = "FetchError";

  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    /** The URL being fetched when it failed (after redirects), credentials removed. */
    readonly url: string,
    /** The HTTP status for kind `http`, else null. */
    readonly status: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
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
const TIMEOUT_CODES = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ETIMEDOUT",
]);

/** Turns whatever an HTTP fetch threw into a FetchError (`timeout` when the deadline hit). */
export function classifyFetchFailure(
  error: unknown,
  url: string,
  deadlineHit: boolean,
  timeoutMs: number,
): FetchError {
  if (error instanceof FetchError) return error;
  const where = describeUrl(url);
  const code = errorCode(error);
  const options = { cause: error };
  if (deadlineHit || TIMEOUT_CODES.has(code)) {
    const message = `fetch: timed out after ${timeoutMs} ms fetching ${where}`;
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

function errorCode(error: unknown): string {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === "string" ? code : "";
}
