import type { Tag, TagOrigin } from "../domain/article";
import {
  type ArticleRoute,
  CONTENT_TRUST,
  isArticleRoute,
  META_TRUST,
} from "../domain/article-route";
import type { ArticleContent } from "./article-row";
import type { ArticleRow } from "./database";

// A fingerprint match this far apart in time is two stories that share a headline.
const FINGERPRINT_WINDOW_MS = 3 * 24 * 3600 * 1000;

/**
 * Returns the content of one story reached by two routes (a feed item, a listing headline, a
 * story page), merged by trust: the story page's text over the feed's content over nothing;
 * the feed's headline, teaser, dates and author over the story page's over the listing's; a
 * story page's canonical URL over a feed's link over a listing's href; gaps filled from whichever
 * route has the field.
 */
export function mergeRoutes(stored: ArticleRow, incoming: ArticleRow): ArticleContent {
  const contentWins =
    incoming.content_html !== null &&
    CONTENT_TRUST[routeOf(incoming.content_route)] > CONTENT_TRUST[routeOf(stored.content_route)];
  const metaWins =
    META_TRUST[routeOf(incoming.meta_route)] > META_TRUST[routeOf(stored.meta_route)];
  const body = contentWins ? incoming : stored;
  const meta = metaWins ? incoming : stored;
  const other = metaWins ? stored : incoming;
  return {
    title: meta.title,
    fingerprint: meta.fingerprint,
    summary: meta.summary ?? other.summary,
    author: meta.author ?? other.author,
    language: meta.language ?? other.language,
    ...datesOf(meta, other),
    content_html: body.content_html,
    content_text: body.content_text,
    word_count: body.word_count,
    enclosures: body.enclosures,
    image_url: body.image_url ?? other.image_url ?? meta.image_url,
    url: urlTrust(incoming) > urlTrust(stored) ? incoming.url : stored.url,
    content_route: body.content_route,
    meta_route: meta.meta_route,
  };
}

// A date a page did not state is the time it was first seen; a stated one beats it.
function datesOf(
  meta: ArticleRow,
  other: ArticleRow,
): Pick<ArticleContent, "published_at" | "updated_at"> {
  const dated = hasStatedDate(meta) || !hasStatedDate(other) ? meta : other;
  return { published_at: dated.published_at, updated_at: dated.updated_at ?? other.updated_at };
}

/** Whether a row's publish time was stated by its source (else it is when it was first seen). */
export function hasStatedDate(row: ArticleRow): boolean {
  return row.published_at !== row.ingested_at;
}

/** Returns true when two rows with one headline fingerprint can be one story (dates agree). */
export function sameStoryByFingerprint(a: ArticleRow, b: ArticleRow): boolean {
  if (!hasStatedDate(a) || !hasStatedDate(b)) return true;
  return Math.abs(a.published_at - b.published_at) <= FINGERPRINT_WINDOW_MS;
}

/**
 * Returns the tags of both copies, one per slug (as stored), in stored order then new ones; a
 * slug both carry keeps the more trusted origin: the feed's categories, then the page's metadata.
 */
export function unionTags(stored: readonly Tag[], incoming: readonly Tag[]): Tag[] {
  const bySlug = new Map(incoming.map((t) => [t.slug, t]));
  const kept = stored.map((t) => {
    const other = bySlug.get(t.slug);
    return other !== undefined && ORIGIN_TRUST[other.origin] > ORIGIN_TRUST[t.origin] ? other : t;
  });
  const slugs = new Set(stored.map((t) => t.slug));
  return [...kept, ...incoming.filter((t) => !slugs.has(t.slug))];
}

const ORIGIN_TRUST: Readonly<Record<TagOrigin, number>> = { extracted: 1, page: 2, feed: 3 };

// A story page's canonical URL over a feed's link over a listing's href.
function urlTrust(row: ArticleRow): number {
  return Math.max(
    CONTENT_TRUST[routeOf(row.content_route)],
    CONTENT_TRUST[routeOf(row.meta_route)],
  );
}

function routeOf(value: string): ArticleRoute {
  return isArticleRoute(value) ? value : "feed";
}
