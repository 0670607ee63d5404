/** When a source asks to be fetched again, as read from its response headers. */
export interface FetchHints {
  /** From `Retry-After`: milliseconds from now, or null. */
  retryAfterMs: number | null;
  /** From `Cache-Control: max-age`: milliseconds the body stays fresh, or null. */
  maxAgeMs: number | null;
}

/** Returns the scheduling hints in a response's `Retry-After` and `Cache-Control` headers. */
export function parseFetchHints(
  retryAfter: string | null,
  cacheControl: string | null,
  now: number,
): FetchHints {
  return { retryAfterMs: parseRetryAfter(retryAfter, now), maxAgeMs: parseMaxAge(cacheControl) };
}

/**
 * Returns the wait a `Retry-After` value asks for in milliseconds from `now` (a count of
 * seconds or an HTTP date; a date in the past is 0), or null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  const text = value?.trim() ?? "";
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Date.parse also reads loose strings like "5"; only accept something shaped like an HTTP date.
  if (!/^[A-Za-z]{3,9},? /.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Returns a `Cache-Control` max-age in milliseconds, or null when it is absent, unreadable, or
 * the response must not be reused as is (`no-store`, `no-cache`). `s-maxage` is for shared
 * caches and ignored.
 */
export function parseMaxAge(value: string | null): number | null {
  let maxAge: number | null = null;
  for (const directive of (value ?? "").split(",")) {
    const [rawName, ...rest] = directive.split("=");
    const name = rawName.trim().toLowerCase();
    if (name === "no-store" || name === "no-cache") return null;
    if (name !== "max-age" || maxAge !== null) continue;
    const seconds = rest
      .join("=")
      .trim()
      .replace(/^"(.*)"$/, "$1");
    if (/^\d+$/.test(seconds)) maxAge = Number(seconds) * 1000;
  }
  return maxAge;
}
