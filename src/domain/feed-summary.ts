import type { RawFeed } from "./raw-feed";
import { canonicalizeUrl } from "./canonical-url";
import { normalizeLanguage } from "./language-tag";
import { toPlainLine } from "./plain-text";
import { resolveUrl } from "./resolve-url";

/** A feed's normalized metadata: plain-text title and description, absolute URLs. */
export type FeedSummary = Omit<RawFeed, "items">;

/**
 * Returns the feed's metadata normalized; URLs resolve against `documentUrl` (where the feed was
 * read from), which is also the feed URL when the feed names none.
 */
export function summarizeFeed(feed: RawFeed, documentUrl: string): FeedSummary {
  return {
    kind: feed.kind,
    title: toPlainLine(feed.title),
    siteUrl: canonicalizeUrl(feed.siteUrl, documentUrl),
    feedUrl: resolveUrl(feed.feedUrl, documentUrl) ?? resolveUrl(documentUrl),
    description: toPlainLine(feed.description),
    language: normalizeLanguage(feed.language),
    imageUrl: resolveUrl(feed.imageUrl, documentUrl),
  };
}
