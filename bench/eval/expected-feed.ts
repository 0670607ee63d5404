/**
 * What a feed golden expects, in newsgate's terms (each suite's JSON is mapped into this; see
 * README: Evaluation). A field left undefined is not scored; only what the golden states is.
 */
export interface ExpectedFeed {
  title?: string;
  /** The site's link (newsgate's `siteUrl`). */
  link?: string;
  description?: string;
  items: ExpectedItem[];
}

/** One expected item; see ExpectedFeed. */
export interface ExpectedItem {
  title?: string;
  link?: string;
  guid?: string;
  /** The item has a description/summary: newsgate should have a summary. */
  hasDescription?: boolean;
  /** The item has full content: newsgate should have contentHtml or contentText. */
  hasContent?: boolean;
  /** ISO-8601 instants. */
  published?: string;
  updated?: string;
  /** Author names (or e-mail addresses when that is all there is). */
  authors?: string[];
  categories?: string[];
  /** Enclosure URLs. */
  enclosures?: string[];
}

/** Returns the value when it is a non-empty string after trimming, else undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** Returns the non-empty strings among the values, or undefined when there are none. */
export function texts(values: readonly unknown[]): string[] | undefined {
  const kept = values.map(text).filter((v): v is string => v !== undefined);
  return kept.length > 0 ? kept : undefined;
}

/** Returns true when the value is a non-empty string, else undefined (presence is all that is scored). */
export function present(value: unknown): true | undefined {
  return text(value) !== undefined ? true : undefined;
}

/** Returns the value as an array of objects (an absent or odd value as none). */
export function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null)
    : [];
}

/** Returns the value as an object (an absent or odd value as an empty one). */
export function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
