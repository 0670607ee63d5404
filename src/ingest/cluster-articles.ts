import type { Article } from "../domain/article";
import {
  type ClusterCandidate,
  planClusters,
  SAME_STORY_WINDOW_MS,
  type StoryFeatures,
  storyFeaturesOf,
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
  const others = stored.filter((c) => !fresh.has(c.id));
  const featuresOf = features ?? storyFeaturesOf;
  const known = await featuresInSlices(others, featuresOf);
  const assignments = planClusters(incoming, others, (c) => known.get(c) ?? featuresOf(c));
  if (assignments.size > 0) await store.setClusters(assignments);
  return [...assignments.keys()];
}

// Reports whose features are computed between turns of the event loop.
const SLICE = 250;

/**
 * Returns the features of many reports, computed a slice at a time with the event loop free
 * between slices: the first ingest after a start reads thousands of stored reports, and the
 * API answers meanwhile.
 */
export async function featuresInSlices(
  candidates: readonly ClusterCandidate[],
  features: (c: ClusterCandidate) => StoryFeatures,
): Promise<Map<ClusterCandidate, StoryFeatures>> {
  const known = new Map<ClusterCandidate, StoryFeatures>();
  for (let start = 0; start < candidates.length; start += SLICE) {
    for (const c of candidates.slice(start, start + SLICE)) known.set(c, features(c));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return known;
}
