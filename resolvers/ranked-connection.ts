import { type RankingName, rankHot } from "../src/cache/rankings";
import type { PopularityWindow } from "../src/domain/popularity";
import type { GatewayContext } from "../src/server/context";
import { hintResponse } from "../src/server/response-cache";
import type { ArticleFilter } from "../src/store/store";
import { ArticleConnectionType } from "../schema/article-connection.type";
import { decodeRankCursor, encodeRankCursor, type RankPosition } from "./opaque-cursor";
import { pageInfoOf, rankedSlice, readPageRequest } from "./page-info";

/** How long a view of a sliding window (a ranking, the last day's stories) stays fresh. */
export const WINDOW_SLIDE_SECONDS = 60;

/** How a ranked list is ordered. */
export type Ranking = { by: "popular"; window: PopularityWindow } | { by: "hot" };

type PageArgs = {
  first: number;
  after?: string | null;
  before?: string | null;
  last?: number | null;
};

/**
 * Loads one page of a ranked order (POPULAR: views in a window; HOT: the hot score) as a Relay
 * connection. The rankings are computed once per generation and kept; a page reads its ids.
 * A cursor holds its position and the ranking's generation: paging on, a client reads the same
 * ranking while it is kept. A filtered ranking is made for the request from the same inputs.
 */
export async function loadRankedConnection(
  ctx: GatewayContext,
  args: PageArgs & { ranking: Ranking; filter: ArticleFilter },
): Promise<ArticleConnectionType> {
  // A ranking is made of views and of the clock (HOT ages): a cached page of it lives briefly.
  hintResponse(ctx, { maxAge: WINDOW_SLIDE_SECONDS, reads: ["views"] });
  // A cursor holds its ranking and window: a day's position means nothing in a week's list.
  const name: RankingName =
    args.ranking.by === "popular" ? `popular-${args.ranking.window}` : "hot";
  const request = readPageRequest(args, (cursor, argument) =>
    decodeRankCursor(cursor, argument, name),
  );
  const asked = request.after?.generation ?? request.before?.generation;
  const ranked = await ctx.rankings.get(name, asked);
  const ids = isEmpty(args.filter) ? ranked.ids : await filtered(ctx, name, ranked.ids, args);
  return pageOfRankedIds(ctx, ids, args, name, ranked.generation);
}

async function filtered(
  ctx: GatewayContext,
  name: RankingName,
  ranked: string[],
  args: { filter: ArticleFilter },
): Promise<string[]> {
  if (name === "hot") return rankHot(ctx, ctx.now(), args.filter);
  const page = await ctx.store.listLatest({
    filter: { ...args.filter, onlyIds: ranked },
    first: ranked.length,
  });
  const kept = new Set(page.items.map((p) => p.id));
  return ranked.filter((id) => kept.has(id));
}

function isEmpty(filter: ArticleFilter): boolean {
  return Object.values(filter).every((v) => v === undefined);
}

/**
 * One page of a list of article ids in a set order (a ranking named `order`), as a Relay
 * connection: cursors are positions in the list (and its generation, when it has one);
 * articles are read through the loader.
 */
export async function pageOfRankedIds(
  ctx: GatewayContext,
  ids: readonly string[],
  args: PageArgs,
  order: string,
  generation?: string,
): Promise<ArticleConnectionType> {
  const request = readPageRequest(args, (cursor, argument) =>
    decodeRankCursor(cursor, argument, order),
  );
  const slice = rankedSlice(
    {
      first: request.first,
      after: request.after?.position,
      before: request.before?.position,
    },
    ids.length,
  );
  const pageIds = ids.slice(slice.start, slice.end);
  const cards = await ctx.loaders.card.loadMany(pageIds);
  const edges = pageIds.flatMap((_, i) => {
    const node = cards[i];
    if (!node || node instanceof Error) return [];
    const at: RankPosition = { position: slice.start + i + 1, generation };
    return [{ cursor: encodeRankCursor(order, at), node }];
  });
  return Object.assign(new ArticleConnectionType(), {
    edges,
    totalCount: ids.length,
    pageInfo: pageInfoOf(edges, slice),
  });
}
