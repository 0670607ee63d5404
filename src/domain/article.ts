import type { ArticleRoute } from "./article-route";

/** Where a tag came from: the feed's categories, the page's metadata, or text extraction. */
export type TagOrigin = "feed" | "page" | "extracted";

/** A normalized tag: `slug` is the stable key (`data-privacy`), `name` the display form. */
export interface Tag {
  slug: string;
  name: string;
  origin: TagOrigin;
}

/** A media enclosure (podcast audio, image, video) attached to an item. */
export interface Enclosure {
  url: string;
  type: string | null;
  length: number | null;
}

/**
 * The normalized article: the one shape every source route ends in.
 * Timestamps are epoch milliseconds (UTC); text fields are plain text; contentHtml is sanitized.
 */
export interface Article {
  id: string;
  sourceId: string;
  guid: string | null;
  url: string;
  title: string;
  summary: string | null;
  contentHtml: string | null;
  contentText: string | null;
  author: string | null;
  publishedAt: number;
  updatedAt: number | null;
  ingestedAt: number;
  language: string | null;
  imageUrl: string | null;
  wordCount: number;
  enclosures: Enclosure[];
  tags: Tag[];
  /** Which way its content came (feed item, listing headline, story page); see article-route. */
  route: ArticleRoute;
  /** The story (cluster of reports from several sources) it belongs to, if any. */
  clusterId?: string | null;
}

/** What is counted about an article: stored views, and its rank in a source's popular list. */
export interface ArticleStats {
  views: number;
  /** 1 = first in the source's own "most popular" list; null when it is not listed. */
  sourceRank: number | null;
}
