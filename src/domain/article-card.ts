import type { Article } from "./article";
import { readingTimeMinutes } from "./reading-time";

/**
 * What a list shows of an article: every field but the story's text, with its reading time.
 * Lists, caches and GraphQL read cards; only the content fields read the story (ArticleBody).
 * A card held in a cache is shared by every request that reads it: never mutate one.
 */
export type ArticleCard = Omit<Article, "contentHtml" | "contentText" | "route" | "clusterId"> & {
  readingTimeMinutes: number;
  /** The story (cluster of reports from several sources) it belongs to, if any. */
  clusterId: string | null;
};

/** The story's text of an article: null where only a teaser is known. */
export interface ArticleBody {
  contentHtml: string | null;
  contentText: string | null;
}

/** The card of a whole article. */
export function toArticleCard(a: Article): ArticleCard {
  return {
    id: a.id,
    sourceId: a.sourceId,
    guid: a.guid,
    url: a.url,
    title: a.title,
    summary: a.summary,
    author: a.author,
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    ingestedAt: a.ingestedAt,
    language: a.language,
    imageUrl: a.imageUrl,
    wordCount: a.wordCount,
    readingTimeMinutes: readingTimeMinutes(a.wordCount),
    enclosures: a.enclosures,
    tags: a.tags,
    clusterId: a.clusterId ?? null,
  };
}
