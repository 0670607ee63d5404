import type { Article } from "../domain/article";
import { FULL_STORY_MIN_WORDS } from "../domain/text-limits";
import type { Source } from "../domain/source";
import type { FetchRequest, FetchResult } from "../fetch/fetch-source";
import type { HostLimiter } from "../fetch/host-limiter";
import type { ParsedDocument, ParseDocumentOptions } from "./parse-document";

/** Fewer words than this in an item's content: a teaser, whose story page is worth fetching. */
export const TEASER_MAX_WORDS = FULL_STORY_MIN_WORDS;

/** What fetching full stories needs: the guarded fetcher, the parser, a per-host cap, time. */
export interface FullStoryDeps {
  fetch: (req: FetchRequest) => Promise<FetchResult>;
  parse: (text: string, opts: ParseDocumentOptions) => Promise<ParsedDocument>;
  limiter: HostLimiter;
  now: () => number;
}

/**
 * Returns the story pages of the teaser-only articles among `articles`, each fetched once
 * through the guarded fetcher under the per-host cap and read as a story (a page that is not
 * one, or any failure, yields nothing: the teaser stays). Upserting them merges each story into
 * its feed item (same canonical URL or headline; see mergeRoutes).
 */
export async function fetchFullStories(
  deps: FullStoryDeps,
  source: Source,
  articles: readonly Article[],
): Promise<Article[]> {
  const teasers = articles.filter((a) => a.wordCount < TEASER_MAX_WORDS && hasOwnPage(a));
  const stories = await Promise.all(
    teasers.map((a) => deps.limiter.run(new URL(a.url).host, () => fetchStory(deps, source, a))),
  );
  return stories.filter((s): s is Article => s !== null && s !== undefined);
}

// An item without a link of its own points at its enclosure or at the feed's site (`#item-...`):
// neither is its story page.
function hasOwnPage(article: Article): boolean {
  if (article.url.includes("#")) return false;
  return !article.enclosures.some((enclosure) => enclosure.url === article.url);
}

async function fetchStory(deps: FullStoryDeps, source: Source, teaser: Article) {
  try {
    const res = await deps.fetch({
      url: teaser.url,
      allowFile: false,
      userAgent: source.userAgent,
      expect: "page",
    });
    if (res.body === null) return null;
    const page = await deps.parse(res.body, {
      url: res.finalUrl,
      sourceId: source.id,
      now: deps.now(),
      kind: "html",
    });
    return page.pageKind === "story" && page.articles.length === 1 ? page.articles[0] : null;
  } catch {
    return null;
  }
}
