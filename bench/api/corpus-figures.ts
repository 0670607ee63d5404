import type { Article } from "../../src/domain/article";
import type { NewsCorpus } from "./news-corpus";
import type { ViewSeed } from "./view-seeds";

/** What a generated corpus really holds, counted from its text. */
export interface CorpusFigures {
  sources: number;
  articles: number;
  fullStories: number;
  /** Mean UTF-8 size of a full story's contentText and contentHtml. */
  meanStoryTextBytes: number;
  meanStoryHtmlBytes: number;
  tagsUsed: number;
  /** Share of articles carrying the most used tag. */
  topTagShare: number;
  /** Articles holding the rare and the common word (title, summary or story). */
  rareArticles: number;
  commonArticles: number;
  views: number;
  viewedArticles: number;
  /** Share of views that went to the ten most viewed articles. */
  topTenViewShare: number;
}

/** Counts the corpus's figures (the bench prints them; a test holds them to the spec). */
export function countCorpusFigures(corpus: NewsCorpus, views: readonly ViewSeed[]): CorpusFigures {
  const stories = corpus.articles.filter((a) => a.contentText !== null);
  const tagCounts = tally(corpus.articles.flatMap((a) => a.tags.map((t) => t.slug)));
  const viewCounts = tally(views.map((v) => v.articleId));
  const topTen = [...viewCounts.values()].sort((a, b) => b - a).slice(0, 10);
  const { rareWord, commonWord } = corpus.spec;
  return {
    sources: corpus.sources.length,
    articles: corpus.articles.length,
    fullStories: stories.length,
    meanStoryTextBytes: mean(stories.map((a) => Buffer.byteLength(a.contentText ?? ""))),
    meanStoryHtmlBytes: mean(stories.map((a) => Buffer.byteLength(a.contentHtml ?? ""))),
    tagsUsed: tagCounts.size,
    topTagShare: Math.max(...tagCounts.values()) / corpus.articles.length,
    rareArticles: corpus.articles.filter((a) => holdsWord(a, rareWord)).length,
    commonArticles: corpus.articles.filter((a) => holdsWord(a, commonWord)).length,
    views: views.length,
    viewedArticles: viewCounts.size,
    topTenViewShare: topTen.reduce((n, c) => n + c, 0) / Math.max(1, views.length),
  };
}

/** Whether the word stands as a whole word in the article's title, summary or story. */
export function holdsWord(article: Article, word: string): boolean {
  const pattern = new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, "iu");
  return [article.title, article.summary, article.contentText].some((t) => !!t && pattern.test(t));
}

function tally(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
