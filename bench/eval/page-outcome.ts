import type { MatchKind } from "./match-metadata";
import type { PageCase } from "./page-case";
import type { PageReading } from "./page-reading";
import type { TextScore } from "./shingle-score";
import type { SnippetCounts } from "./snippet-score";

/** The two extractors compared on every page. */
export const EXTRACTORS = ["newsgate", "readability"] as const;

/** An extractor's name. */
export type ExtractorName = (typeof EXTRACTORS)[number];

/** Metadata fields scored on pages. */
export const META_FIELDS = ["title", "author", "published", "imageUrl"] as const;

/** A metadata field's name. */
export type MetaField = (typeof META_FIELDS)[number];

/** What one extractor scored on one page. */
export interface ExtractorOutcome {
  reading: PageReading;
  /** Shingle scores against the expected text, when the page has one. */
  text: TextScore | null;
  /** Trafilatura snippet counts, when the page has snippets. */
  snippets: SnippetCounts | null;
  /** Per expected metadata field: how the found value compares. */
  meta: Partial<Record<MetaField, MatchKind>>;
  /** One figure for the page, 0..1: text F1, else snippet F1, else null. */
  score: number | null;
}

/** A page and each extractor's outcome on it. */
export interface PageOutcome {
  page: PageCase;
  by: Record<ExtractorName, ExtractorOutcome>;
}
