import { matchAuthor, matchDate, matchTitle, matchUrl, type MatchKind } from "./match-metadata";
import type { ExpectedMeta, PageCase } from "./page-case";
import type { ExtractorOutcome, MetaField } from "./page-outcome";
import type { PageReading } from "./page-reading";
import { harmonicMean, scoreText } from "./shingle-score";
import { countSnippets, type SnippetCounts } from "./snippet-score";

/** Scores one extractor's reading of a page against everything the page expects. */
export function scorePage(page: PageCase, reading: PageReading): ExtractorOutcome {
  const text = page.expectedText !== undefined ? scoreText(page.expectedText, reading.text) : null;
  const snippets = page.snippets ? countSnippets(page.snippets, reading.text) : null;
  const meta = page.meta ? scoreMeta(page.meta, reading) : {};
  const score = text ? text.f1 : snippets ? snippetF1(snippets) : null;
  return { reading, text, snippets, meta, score };
}

/** Compares each expected metadata field (those neither absent nor null) with the reading. */
export function scoreMeta(
  expected: ExpectedMeta,
  reading: PageReading,
): Partial<Record<MetaField, MatchKind>> {
  const meta: Partial<Record<MetaField, MatchKind>> = {};
  if (expected.title) meta.title = matchTitle(expected.title, reading.title);
  if (expected.author) meta.author = matchAuthor(expected.author, reading.author);
  if (expected.published) meta.published = matchDate(expected.published, reading.published);
  if (expected.imageUrl) meta.imageUrl = matchUrl(expected.imageUrl, reading.imageUrl);
  return meta;
}

/** A page's own snippet F1 (1 when it has no snippets to find and none found). */
export function snippetF1(c: SnippetCounts): number {
  const precision = c.tp + c.fp === 0 ? (c.fn === 0 ? 1 : 0) : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return harmonicMean(precision, recall);
}
