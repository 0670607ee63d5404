import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Where the seed site's copy lives in the fixtures. */
export const SEED_DIR = join(__dirname, "..", "fixtures", "seed");

/** One article the seed site must yield (see expected.json). */
export interface SeedArticle {
  title: string;
  path: string;
  summaryStartsWith: string;
  feedTags: string[];
  category?: string;
  publishedAt: string;
  fullStory?: { sectionHeadings: string[]; containsText: string[]; wordCountBetween: number[] };
}

/** The seed site's expected.json: what ingesting it must yield. */
export interface SeedExpectations {
  articles: SeedArticle[];
  mustNotAppearInAnyTitleSummaryOrStory: string[];
}

/** Reads the seed's expected.json. */
export function readSeedExpectations(): SeedExpectations {
  return JSON.parse(readFileSync(join(SEED_DIR, "expected.json"), "utf8")) as SeedExpectations;
}
