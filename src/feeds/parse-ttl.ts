import { childText, type XmlNode } from "./parse-xml-nodes";

/** The longest ttl kept, in minutes (a year); longer values are read as a year. */
export const MAX_TTL_MINUTES = 365 * 24 * 60;

// The syndication module's periods, in minutes.
const PERIOD_MINUTES = new Map([
  ["hourly", 60],
  ["daily", 24 * 60],
  ["weekly", 7 * 24 * 60],
  ["monthly", 30 * 24 * 60],
  ["yearly", 365 * 24 * 60],
]);

/**
 * Returns how long, in whole minutes, an RSS channel may be cached: its `<ttl>`, else the
 * syndication module's `sy:updatePeriod` (default daily) divided by `sy:updateFrequency` (default
 * 1); null when it says neither or says it unreadably. At least 1, at most a year.
 */
export function parseTtl(channel: XmlNode): number | null {
  const ttl = positive(childText(channel, "ttl"));
  if (ttl !== null) return bounded(ttl);
  const period = childText(channel, "sy:updatePeriod");
  const frequency = childText(channel, "sy:updateFrequency");
  if (period === null && frequency === null) return null;
  const minutes = PERIOD_MINUTES.get((period ?? "daily").toLowerCase());
  const times = frequency === null ? 1 : positive(frequency);
  return minutes === undefined || times === null ? null : bounded(minutes / times);
}

function positive(text: string | null): number | null {
  const value = text !== null && /^\+?\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
  return Number.isFinite(value) && value > 0 ? value : null;
}

function bounded(minutes: number): number {
  return Math.min(MAX_TTL_MINUTES, Math.max(1, Math.round(minutes)));
}
