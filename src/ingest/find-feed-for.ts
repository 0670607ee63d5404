import type { Config } from "../config";
import { createFetcher } from "../fetch/fetch-source";
import { findFeed, type FoundFeed } from "./find-feed";

/** Finds the feed behind a page or feed URL (for adding a source); touches no store. */
export async function findFeedFor(config: Config, url: string): Promise<FoundFeed> {
  const fetcher = createFetcher(config.fetch);
  try {
    return await findFeed(fetcher.fetchSource, url);
  } finally {
    await fetcher.close();
  }
}
