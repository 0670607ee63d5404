// Real readers (gofeed, feed-rs, Miniflux) take any JSON object for a JSON Feed; we ask a little
// more: a `version` naming jsonfeed.org (the spec's form), or the bare "1", "1.0" or "1.1" that
// some generators write, and then only with an `items` array.
const BARE_VERSION = /^1(?:\.[01])?$/;

/** Returns true when a parsed JSON value is an object that declares itself a JSON Feed. */
export function declaresJsonFeed(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { version, items } = value as { version?: unknown; items?: unknown };
  if (typeof version !== "string") return false;
  if (version.includes("jsonfeed")) return true;
  return BARE_VERSION.test(version.trim()) && Array.isArray(items);
}
