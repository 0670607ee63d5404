import type { RawFeed } from "./raw-feed";
import { canonicalizeUrl } from "./canonical-url";
import { capHtml } from "./cap-html";
import { normalizeLanguage } from "./language-tag";
import { toPlainLine, truncateAtWord } from "./plain-text";
import { resolveUrl } from "./resolve-url";
import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from "./text-limits";

/** A feed's normalized metadata: plain-text title and description, absolute URLs, ttl as read. */
export type FeedSummary = Omit<RawFeed, "items">;

/**
 * Returns the feed's metadata normalized; URLs resolve against `documentUrl` (where the feed was
 * read from), which is also the feed URL when the feed names none. The title is cut to 500
 * characters and the description to 1000, at word boundaries; `ttl` passes through.
 */
export function summarizeFeed(feed: RawFeed, documentUrl: string): FeedSummary {
  return {
    kind: feed.kind,
    title: boundedLine(feed.title, MAX_TITLE_LENGTH),
    siteUrl: canonicalizeUrl(feed.siteUrl, documentUrl),
    feedUrl: resolveUrl(feed.feedUrl, documentUrl) ?? resolveUrl(documentUrl),
    description: boundedLine(feed.description, MAX_DESCRIPTION_LENGTH),
    language: normalizeLanguage(feed.language),
    imageUrl: resolveUrl(feed.imageUrl, documentUrl),
    ttl: feed.ttl ?? null,
  };
}

function boundedLine(html: string | null, max: number): string | null {
  const text = html ? toPlainLine(capHtml(html)) : null;
  return text === null ? null : truncateAtWord(text, max);
}
