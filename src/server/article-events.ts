import { createPubSub } from "@graphql-yoga/subscription";
import type { Article } from "../domain/article";
import type { RedisEventTarget } from "../cache/redis-event-target";

/** The topic a newly stored article is published on. */
export const ARTICLE_ADDED = "articleAdded";

/** What is published for a new article: enough to filter on, and its id to load it. */
export interface ArticleAddedEvent {
  id: string;
  sourceId: string;
  tags: string[];
  language: string | null;
  title: string;
  summary: string | null;
}

/** Article events: published by ingestion, heard by subscriptions (across processes with Redis). */
export type ArticleEvents = ReturnType<typeof createArticleEvents>;

/** Creates the events channel, in process or over the given Redis event target. */
export function createArticleEvents(eventTarget?: RedisEventTarget) {
  const pubSub = createPubSub<{ [ARTICLE_ADDED]: [ArticleAddedEvent] }>(
    eventTarget ? { eventTarget: eventTarget as never } : {},
  );
  return {
    pubSub,
    /** Announces newly stored articles. */
    published(articles: readonly Article[]): void {
      for (const a of articles) {
        pubSub.publish(ARTICLE_ADDED, {
          id: a.id,
          sourceId: a.sourceId,
          tags: a.tags.map((t) => t.slug),
          language: a.language,
          title: a.title,
          summary: a.summary,
        });
      }
    },
    close: () => eventTarget?.close() ?? Promise.resolve(),
  };
}
