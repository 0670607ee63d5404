import type { Source } from "./source";

/** Narrows a list of sources; every given field must match. */
export interface SourceFilter {
  /** Read as one of these formats. */
  kinds?: readonly string[];
  /** True: the last fetch failed; false: it did not (or none was made yet). */
  failing?: boolean;
  /** Declared with any of these categories (compared without regard to case). */
  tags?: readonly string[];
}

/** Whether a source passes the filter. */
export function matchesSourceFilter(source: Source, filter: SourceFilter): boolean {
  if (filter.kinds !== undefined && !filter.kinds.includes(source.kind)) return false;
  if (filter.failing !== undefined && source.consecutiveFailures > 0 !== filter.failing) {
    return false;
  }
  if (filter.tags !== undefined) {
    const wanted = new Set(filter.tags.map((t) => t.toLowerCase()));
    if (!source.tags.some((t) => wanted.has(t.toLowerCase()))) return false;
  }
  return true;
}
