import type { Article } from "../domain/article";
import type { FeedSummary } from "../domain/feed-summary";
import type { ParsedDocument } from "./parse-document";

/** One article as `newsgate parse` prints it: every key present, dates as ISO-8601 UTC. */
export type ArticleOutput = Omit<
  Article,
  "sourceId" | "ingestedAt" | "publishedAt" | "updatedAt" | "route"
> & {
  publishedAt: string;
  updatedAt: string | null;
};

/** The feed as `newsgate parse` prints it: a fixed shape, so `ttl` (for the scheduler) is left out. */
export type FeedOutput = Omit<FeedSummary, "ttl">;

/** The JSON document `newsgate parse` prints. */
export interface ParseOutput {
  feed: FeedOutput;
  articles: ArticleOutput[];
}

/** Returns the parse result in the exact shape `newsgate parse` prints (absent values null or []). */
export function toParseOutput(result: ParsedDocument): ParseOutput {
  const { kind, title, siteUrl, feedUrl, description, language, imageUrl } = result.feed;
  return {
    feed: { kind, title, siteUrl, feedUrl, description, language, imageUrl },
    articles: result.articles.map(toArticleOutput),
  };
}

function toArticleOutput(a: Article): ArticleOutput {
  return {
    id: a.id,
    guid: a.guid,
    url: a.url,
    title: a.title,
    summary: a.summary,
    contentHtml: a.contentHtml,
    contentText: a.contentText,
    author: a.author,
    publishedAt: new Date(a.publishedAt).toISOString(),
    updatedAt: a.updatedAt === null ? null : new Date(a.updatedAt).toISOString(),
    language: a.language,
    imageUrl: a.imageUrl,
    enclosures: a.enclosures.map(({ url, type, length }) => ({ url, type, length })),
    tags: a.tags.map(({ slug, name, origin }) => ({ slug, name, origin })),
    wordCount: a.wordCount,
  };
}
