import { decodeHTML } from "entities";

/** How a found value compares with the expected one: the same string, the same after normalizing, or not. */
export type MatchKind = "exact" | "normalized" | "miss";

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Returns the text normalized for comparison: entities decoded, tags dropped, NFKC, lower case,
 * curly quotes and dashes made plain, whitespace collapsed.
 */
export function normalizeText(text: string): string {
  return decodeHTML(text.replace(/<[^>]*>/g, " "))
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** Returns a byline normalized for comparison: no "By", no e-mail address or brackets around it. */
export function normalizeAuthor(author: string): string {
  const text = normalizeText(author);
  const withoutEmail = text.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, " ").replace(/[()<>]/g, " ");
  const named = withoutEmail.replace(/\s+/g, " ").trim();
  return (named || text).replace(/^by\s+/, "").replace(/[\s,.;:|-]+$/, "");
}

/** Returns a URL normalized for comparison: entities decoded, no scheme, host lower-cased, no fragment. */
export function normalizeUrl(url: string): string {
  const text = decodeHTML(url.trim());
  try {
    const parsed = new URL(text);
    parsed.hash = "";
    return `${parsed.host}${parsed.pathname}${parsed.search}`.replace(/\/$/, "");
  } catch {
    return text.replace(/^https?:\/\//i, "").replace(/\/$/, "");
  }
}

/** Compares two strings exactly (after trimming), then through `normalize`. */
export function matchBy(
  expected: string,
  actual: string | null,
  normalize: (value: string) => string,
): MatchKind {
  if (actual === null) return "miss";
  if (expected.trim() === actual.trim()) return "exact";
  const want = normalize(expected);
  return want !== "" && want === normalize(actual) ? "normalized" : "miss";
}

/** Compares titles (see normalizeText). */
export function matchTitle(expected: string, actual: string | null): MatchKind {
  return matchBy(expected, actual, normalizeText);
}

/** Compares bylines (see normalizeAuthor). */
export function matchAuthor(expected: string, actual: string | null): MatchKind {
  return matchBy(expected, actual, normalizeAuthor);
}

/** Compares image URLs (see normalizeUrl). */
export function matchUrl(expected: string, actual: string | null): MatchKind {
  return matchBy(expected, actual, normalizeUrl);
}

/**
 * Compares an expected date string with a found instant (epoch ms): "exact" for the same
 * instant; "normalized" for the same day when one side knows only the day (the expected string
 * is a bare `YYYY-MM-DD`, or either side is exactly midnight UTC) and they are less than a day
 * apart; else "miss". An unreadable expected date is a miss.
 */
export function matchDate(expected: string, actual: number | null): MatchKind {
  const want = Date.parse(expected.trim());
  if (actual === null || Number.isNaN(want)) return "miss";
  if (want === actual) return "exact";
  const dayOnly = DATE_ONLY.test(expected.trim()) || isMidnight(want) || isMidnight(actual);
  return dayOnly && Math.abs(want - actual) < DAY_MS ? "normalized" : "miss";
}

function isMidnight(ms: number): boolean {
  return ms % DAY_MS === 0;
}
