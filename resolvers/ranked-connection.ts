import { hintResponse } from "../src/server/response-cache";
import { hotScore, type PopularityWindow } from "../src/domain/popularity";
import type { GatewayContext } from "../src/server/context";
import type { ArticleFilter } from "../src/store/store";
import { ArticleConnectionType } from "../schema/article-connection.type";
import { decodeRankCursor, encodeRankCursor } from "./opaque-cursor";
import { pageInfoOf, rankedSlice, readPageRequest } from "./page-info";

/** How long a view of a sliding window (a ranking, the last day's stories) stays fresh. */
export const WINDOW_SLIDE_SECONDS = 60;

// A ranking reads this many candidates; pages run through them.
const MAX_RANKED = 1000;
const WEEK_MS = 7 * 24 * 3600_000;
const HOUR_MS = 3600_000;

/** How a ranked list is ordered. */
export type Ranking = { by: "popular"; window: PopularityWindow } | { by: "hot" };

/**
 * Loads one page of a ranked order (POPULAR: views in a window; HOT: the hot score over the
 * last week's articles) as a Relay connection. A ranking is a snapshot: its cursor is a
 * position in it, valid while the ranking holds, and an unknown one is BAD_USER_INPUT.
 */
export async function loadRankedConnection(
  ctx: GatewayContext,
  args: {
    ranking: Ranking;
    filter: ArticleFilter;
    first: number;
    after?: string;
    before?: string;
    last?: number;
  },
): Promise<ArticleConnectionType> {
  // A ranking is made of views and of the clock (HOT ages): a cached page of it lives briefly.
  hintResponse(ctx, { maxAge: WINDOW_SLIDE_SECONDS, reads: ["views"] });
  const ranked = await rank(ctx, args.ranking, args.filter);
  // A cursor holds its ranking and window: a day's position means nothing in a week's list.
  const order = args.ranking.by === "popular" ? `popular-${args.ranking.window}` : "hot";
  return pageOfRankedIds(ctx, ranked, args, order);
}

/**
 * One page of a list of article ids in a set order (a ranking named `order`), as a Relay
 * connection: cursors are positions in the list; articles are read through the loader.
 */
export async function pageOfRankedIds(
  ctx: GatewayContext,
  ids: readonly string[],
  args: { first: number; after?: string | null; before?: string | null; last?: number | null },
  order: string,
): Promise<ArticleConnectionType> {
  const request = readPageRequest(args, (cursor, argument) =>
    decodeRankCursor(cursor, argument, order),
  );
  const slice = rankedSlice(request, ids.length);
  const pageIds = ids.slice(slice.start, slice.end);
  const cards = await ctx.loaders.card.loadMany(pageIds);
  const edges = pageIds.flatMap((_, i) => {
    const node = cards[i];
    if (!node || node instanceof Error) return [];
    return [{ cursor: encodeRankCursor(order, slice.start + i + 1), node }];
  });
  return Object.assign(new ArticleConnectionType(), {
    edges,
    totalCount: ids.length,
    pageInfo: pageInfoOf(edges, slice),
  });
}

async function rank(
  ctx: GatewayContext,
  ranking: Ranking,
  filter: ArticleFilter,
): Promise<string[]> {
  const now = ctx.now();
  if (ranking.by === "popular") {
    const top = await ctx.views.top(ranking.window, now, MAX_RANKED);
    const kept = new Set(await idsMatching(ctx, { ...filter, onlyIds: top.map((t) => t.id) }));
    return top.filter((t) => kept.has(t.id)).map((t) => t.id);
  }
  const since = Math.max(filter.since ?? 0, now - WEEK_MS);
  const page = await ctx.store.listLatest({ filter: { ...filter, since }, first: MAX_RANKED });
  const ids = page.items.map((p) => p.id);
  const [views, stats] = await Promise.all([
    ctx.views.viewsInWindow(ids, "day", now),
    Promise.all(ids.map((id) => ctx.loaders.stats.load(id))),
  ]);
  const scored = page.items.map((p, i) => ({
    id: p.id,
    score: hotScore({
      viewsLastDay: views.get(p.id) ?? 0,
      sourceRank: stats[i].sourceRank,
      ageHours: Math.max(0, (now - p.publishedAt) / HOUR_MS),
    }),
  }));
  return scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).map((s) => s.id);
}

async function idsMatching(ctx: GatewayContext, filter: ArticleFilter): Promise<string[]> {
  const page = await ctx.store.listLatest({ filter, first: MAX_RANKED });
  return page.items.map((p) => p.id);
}
