import { LRUCache } from "lru-cache";
import {
  type ClusterCandidate,
  type StoryFeatures,
  storyFeaturesOf,
} from "../domain/story-similarity";

// Two days of reports from a few hundred sources; a few kilobytes each.
const DEFAULT_MAX_ENTRIES = 20_000;

interface Entry {
  title: string;
  text: string;
  features: StoryFeatures;
}

/**
 * Returns storyFeaturesOf with an LRU memory by article id, valid while the article's title
 * and text stay as they were: each ingest compares its new articles with thousands stored,
 * and the stored ones' features are then computed once per process, not once per ingest.
 */
export function createStoryFeatureCache(
  maxEntries = DEFAULT_MAX_ENTRIES,
): (c: ClusterCandidate) => StoryFeatures {
  const cache = new LRUCache<string, Entry>({ max: maxEntries });
  return (c) => {
    const hit = cache.get(c.id);
    if (hit && hit.title === c.title && hit.text === c.text) return hit.features;
    const features = storyFeaturesOf(c);
    cache.set(c.id, { title: c.title, text: c.text, features });
    return features;
  };
}
