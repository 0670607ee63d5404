/** Which way an article's fields arrived: a feed item, a listing page's headline, a story page. */
export type ArticleRoute = "feed" | "listing" | "story";

/** Trust in a route's content (the story's text): a story page's over a feed's over a listing's. */
export const CONTENT_TRUST: Readonly<Record<ArticleRoute, number>> = {
  listing: 1,
  feed: 2,
  story: 3,
};

/** Trust in a route's headline, teaser, dates and author: the feed's own over the story page's. */
export const META_TRUST: Readonly<Record<ArticleRoute, number>> = {
  listing: 1,
  story: 2,
  feed: 3,
};

/** Returns true for a stored route name. */
export function isArticleRoute(value: string): value is ArticleRoute {
  return value === "feed" || value === "listing" || value === "story";
}
