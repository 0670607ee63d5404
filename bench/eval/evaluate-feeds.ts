import { readFileSync } from "node:fs";
import { parseDocument } from "../../src/ingest/parse-document";
import { decodeBody } from "../../src/fetch/decode-text";
import { FETCH_TIME } from "./fetch-time";
import { checkFeed, type FieldCheck, type ParsedFeed } from "./match-feed";
import type { FeedGolden } from "./read-feed-goldens";

// Goldens hold absolute links or ones their parser left relative; this base is no fixture's.
const FEED_URL = "https://feeds.newsgate.invalid/feed";

/** A golden and the field checks of newsgate's parse of it (error: why the parse failed). */
export interface FeedOutcome {
  golden: FeedGolden;
  checks: FieldCheck[];
  error: string | null;
}

/** Parses every golden's document as the service does and checks each expected field. */
export async function evaluateFeeds(goldens: readonly FeedGolden[]): Promise<FeedOutcome[]> {
  const outcomes: FeedOutcome[] = [];
  for (const golden of goldens) {
    const { parsed, error } = await parseGolden(golden.path);
    outcomes.push({ golden, checks: checkFeed(golden.expected, parsed), error });
  }
  return outcomes;
}

async function parseGolden(path: string): Promise<{ parsed: ParsedFeed; error: string | null }> {
  const text = decodeBody(readFileSync(path), null).text;
  try {
    const doc = await parseDocument(text, { url: FEED_URL, now: FETCH_TIME });
    const articles = doc.articles.map((a) => ({
      ...a,
      publishedAt: a.publishedAt === FETCH_TIME ? null : a.publishedAt,
    }));
    return { parsed: { feed: doc.feed, articles }, error: null };
  } catch (error) {
    const empty = { feed: { title: null, siteUrl: null, description: null }, articles: [] };
    return { parsed: empty, error: error instanceof Error ? error.message : String(error) };
  }
}
