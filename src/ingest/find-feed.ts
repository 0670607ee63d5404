import type { SourceKind } from "../domain/source";
import { detectFormat } from "../feeds/detect-format";
import { commonFeedPaths, discoverFeedLinks } from "../pages/discover-feeds";
import type { FetchRequest, FetchResult } from "../fetch/fetch-source";
import { parseFeed } from "../feeds/parse-feed";

/** A feed found for a URL the user gave, and how it was found. */
export interface FoundFeed {
  url: string;
  kind: Exclude<SourceKind, "html">;
  title: string | null;
  via: "direct" | "link" | "common-path";
}

/** Raised when neither the URL, nor its links, nor the common paths lead to a feed. */
export class FeedNotFoundError extends Error {
  override name = "FeedNotFoundError";
}

type Fetch = (req: FetchRequest) => Promise<FetchResult>;

// A page may link dozens of feeds (per category, per comment thread); the first ones are the main.
const MAX_LINKED = 8;

async function readFeed(
  fetch: Fetch,
  url: string,
  via: FoundFeed["via"],
): Promise<FoundFeed | null> {
  const res = await fetch({ url, allowFile: false });
  const kind = detectFormat(res.body ?? "");
  if (kind === null || kind === "html") return null;
  const feed = await parseFeed(res.body ?? "", { url: res.finalUrl });
  return { url: res.finalUrl, kind, title: feed.title?.trim() || null, via };
}

async function firstFeed(fetch: Fetch, urls: string[], via: FoundFeed["via"]) {
  for (const url of urls) {
    // A candidate that fails (404, not a feed, malformed) is simply not the feed.
    const found = await readFeed(fetch, url, via).catch(() => null);
    if (found) return found;
  }
  return null;
}

/**
 * Finds the feed behind a URL: the URL itself when it is a feed, else the page's
 * `<link rel="alternate">` feeds, else the common feed paths of its site. Throws FetchError when
 * the URL cannot be fetched and FeedNotFoundError when nothing there is a feed.
 */
export async function findFeed(fetch: Fetch, pageUrl: string): Promise<FoundFeed> {
  const page = await fetch({ url: pageUrl, allowFile: false });
  const body = page.body ?? "";
  const kind = detectFormat(body);
  if (kind !== null && kind !== "html")
    return (await readFeed(async () => page, pageUrl, "direct"))!;
  const links = discoverFeedLinks(body, page.finalUrl).slice(0, MAX_LINKED);
  const linked = await firstFeed(
    fetch,
    links.map((l) => l.url),
    "link",
  );
  if (linked) return linked;
  const paths = commonFeedPaths(page.finalUrl);
  const guessed = await firstFeed(fetch, paths, "common-path");
  if (guessed) return guessed;
  throw new FeedNotFoundError(
    `no feed found at ${page.finalUrl}: it is not a feed, links none, and none of ` +
      `${paths.length} common feed paths answered with one`,
  );
}
