import DataLoader from "dataloader";
import type { ArticleStats } from "../domain/article";
import type { ArticleBody, ArticleCard } from "../domain/article-card";
import type { ArticleReads } from "../cache/article-reads";
import type { SourceDirectory } from "../cache/source-directory";
import type { SourceType } from "../../schema/source.type";
import type { ViewCounter } from "../cache/view-counter";
import type { PopularityWindow } from "../domain/popularity";
import type { Store, StorySummary } from "../store/store";

/** Per-request batching loaders: each level of a query makes one call per loader. */
export interface Loaders {
  /** Article cards (everything a list shows). */
  card: DataLoader<string, ArticleCard | null>;
  /** Story texts, read only by the content fields. */
  body: DataLoader<string, ArticleBody | null>;
  /** Sources as GraphQL shows them, from process memory. */
  source: DataLoader<string, SourceType | null>;
  stats: DataLoader<string, ArticleStats>;
  /** Views counted but not yet stored, per article. */
  pendingViews: DataLoader<string, number>;
  /** Views in a window, keyed `window:articleId`. */
  windowViews: DataLoader<string, number>;
  /** Place in the most viewed list of a window (1 = most), keyed `window:articleId`. */
  popularRank: DataLoader<string, number | null>;
  /** Stories by cluster id (null for a cluster of one source). */
  story: DataLoader<string, StorySummary | null>;
  /** Related article ids per article (up to MAX_RELATED_ARTICLES), best first. */
  related: DataLoader<string, string[]>;
}

const NO_STATS: ArticleStats = { views: 0, sourceRank: null };

const MAX_RANKED = 1000;
/** The most related articles a field may ask for (Article.related's `first`). */
export const MAX_RELATED_ARTICLES = 20;

/** Creates fresh loaders for one request (their caches never outlive it). */
export function createLoaders(deps: {
  reads: ArticleReads;
  sourceViews: SourceDirectory<SourceType>;
  store: Store;
  views: ViewCounter;
  now: () => number;
}): Loaders {
  const card = new DataLoader<string, ArticleCard | null>(async (ids) => {
    const byId = await deps.reads.getCards(ids);
    return ids.map((id) => byId.get(id) ?? null);
  });
  const body = new DataLoader<string, ArticleBody | null>(async (ids) => {
    const byId = await deps.reads.getBodies(ids);
    return ids.map((id) => byId.get(id) ?? null);
  });
  const source = new DataLoader<string, SourceType | null>(async (ids) => {
    const byId = await deps.sourceViews.get(ids);
    return ids.map((id) => byId.get(id) ?? null);
  });
  const stats = new DataLoader<string, ArticleStats>(async (ids) => {
    const byId = await deps.store.getArticleStats(ids);
    return ids.map((id) => byId.get(id) ?? NO_STATS);
  });
  const pendingViews = new DataLoader<string, number>(async (ids) => {
    const pending = await deps.views.pending(ids);
    return ids.map((id) => pending.get(id) ?? 0);
  });
  // One counter call per window asked for in the request.
  const windowViews = new DataLoader<string, number>(async (keys) => {
    const byWindow = new Map<PopularityWindow, string[]>();
    for (const key of keys) {
      const [window, id] = key.split(":") as [PopularityWindow, string];
      byWindow.set(window, [...(byWindow.get(window) ?? []), id]);
    }
    const counted = new Map<string, number>();
    for (const [window, ids] of byWindow) {
      const views = await deps.views.viewsInWindow(ids, window, deps.now());
      for (const id of ids) counted.set(`${window}:${id}`, views.get(id) ?? 0);
    }
    return keys.map((key) => counted.get(key) ?? 0);
  });
  const story = new DataLoader<string, StorySummary | null>(async (ids) => {
    const byId = new Map((await deps.store.getStories(ids)).map((s) => [s.id, s]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  // One ranking per window asked for in the request (the top 1,000 are ranked).
  const popularRank = new DataLoader<string, number | null>(async (keys) => {
    const ranks = new Map<string, number>();
    const windows = new Set(keys.map((key) => key.split(":")[0] as PopularityWindow));
    for (const window of windows) {
      const top = await deps.views.top(window, deps.now(), MAX_RANKED);
      top.forEach((t, i) => ranks.set(`${window}:${t.id}`, i + 1));
    }
    return keys.map((key) => ranks.get(key) ?? null);
  });
  // The most related articles any field asks for; each field takes as many as it wants.
  const related = new DataLoader<string, string[]>(async (ids) => {
    const found = await deps.store.listRelated(ids, MAX_RELATED_ARTICLES);
    return ids.map((id) => found.get(id) ?? []);
  });
  return { card, body, source, stats, pendingViews, windowViews, story, popularRank, related };
}
