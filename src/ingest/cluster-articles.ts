import type { Article } from "../domain/article";
import {
  type ClusterCandidate,
  planClusters,
  SAME_STORY_WINDOW_MS,
  type StoryFeatures,
} from "../domain/story-similarity";
import type { Store } from "../store/store";

/**
 * Puts newly stored articles into story clusters with the reports of other sources published
 * within 48 hours (see planClusters); returns the ids whose cluster was set. `features` may
 * serve the stored reports' features from a cache (see createStoryFeatureCache).
 */
export async function clusterNewArticles(
  store: Store,
  articles: readonly Article[],
  features?: (c: ClusterCandidate) => StoryFeatures,
): Promise<string[]> {
  if (articles.length === 0) return [];
  const times = articles.map((a) => a.publishedAt);
  const stored = await store.listClusterCandidates(
    Math.min(...times) - SAME_STORY_WINDOW_MS,
    Math.max(...times) + SAME_STORY_WINDOW_MS,
  );
  const fresh = new Set(articles.map((a) => a.id));
  const incoming = articles.map((a) => ({
    id: a.id,
    sourceId: a.sourceId,
    title: a.title,
    text: a.summary ?? "",
    publishedAt: a.publishedAt,
    clusterId: null,
  }));
  const assignments = planClusters(
    incoming,
    stored.filter((c) => !fresh.has(c.id)),
    features,
  );
  if (assignments.size > 0) await store.setClusters(assignments);
  return [...assignments.keys()];
}
