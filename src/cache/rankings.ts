import { hotScore, type PopularityWindow } from "../domain/popularity";
import type { ArticleFilter, Store } from "../store/store";
import type { Cache } from "./cache";
import type { Generations } from "./generations";
import { createSharedFill } from "./shared-fill";
import type { ValueCache } from "./value-cache";
import type { ViewCounter } from "./view-counter";

/** The rankings kept ready: HOT, and the most viewed in each window. */
export type RankingName = "hot" | `popular-${PopularityWindow}`;

/** Every ranking, in the order a refresh computes them. */
export const RANKING_NAMES: readonly RankingName[] = [
  "hot",
  "popular-hour",
  "popular-day",
  "popular-week",
];

/** A ranking as computed once: article ids best first, and the generation it belongs to. */
export interface RankedList {
  generation: string;
  ids: string[];
}

/**
 * Rankings computed once per generation (a view flush, an ingest, or a minute of the clock,
 * since HOT ages and windows slide) and kept: a request reads a page of ids instead of ranking.
 */
export interface Rankings {
  /**
   * The ranking as of `generation` while it is kept (so a client paging through it sees one
   * order), else the current one.
   */
  get(name: RankingName, generation?: string): Promise<RankedList>;
  /** Computes the current rankings ahead of requests (after a view flush or an ingest). */
  refresh(): Promise<void>;
}

/** How many articles a ranking holds. */
export const MAX_RANKED = 1000;
const HOUR_MS = 3600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
// HOT weighs the newest articles of the week, and every one viewed in the last day.
const HOT_NEWEST = 2000;
const HOT_VIEWED = 5000;
/** How often a ranking is made afresh even when nothing else changed. */
export const RANKING_SLOT_MS = 60_000;
// An older generation is kept this long for clients still paging through it.
const KEEP_SECONDS = 600;

/** Builds the rankings over the store and the view counter. */
export function createRankings(deps: {
  store: Pick<Store, "listLatest" | "getArticleStats">;
  views: Pick<ViewCounter, "top">;
  generations: Generations;
  lists: ValueCache<string[]>;
  /** Where instances claim a ranking so that one of them computes it. */
  claims: Pick<Cache, "claim" | "release">;
  keyOf: (name: RankingName, generation: string) => string;
  now: () => number;
}): Rankings {
  const fill = createSharedFill(deps.lists, deps.claims);

  async function currentGeneration(): Promise<string> {
    const { articles, views } = await deps.generations.current();
    return `${articles}.${views}.${Math.floor(deps.now() / RANKING_SLOT_MS)}`;
  }

  async function read(name: RankingName, generation: string): Promise<string[] | null> {
    const [ids] = await deps.lists.get([deps.keyOf(name, generation)]);
    return ids;
  }

  async function make(name: RankingName, generation: string): Promise<RankedList> {
    const key = deps.keyOf(name, generation);
    const ids = await fill(key, () => compute(deps, name, deps.now()), KEEP_SECONDS);
    return { generation, ids };
  }

  return {
    async get(name, generation) {
      if (generation !== undefined) {
        const kept = await read(name, generation);
        if (kept !== null) return { generation, ids: kept };
      }
      return make(name, await currentGeneration());
    },
    async refresh() {
      const generation = await currentGeneration();
      for (const name of RANKING_NAMES) await make(name, generation);
    },
  };
}

function compute(
  deps: Parameters<typeof createRankings>[0],
  name: RankingName,
  now: number,
): Promise<string[]> {
  if (name === "hot") return rankHot(deps, now);
  const window = name.slice("popular-".length) as PopularityWindow;
  return deps.views.top(window, now, MAX_RANKED).then((top) => top.map((t) => t.id));
}

/**
 * HOT over the week's newest articles and every one viewed in the last day (those matching
 * `filter`): each scored by hotScore (views in the last day, the source's own rank, age), best
 * first, ties by id.
 */
export async function rankHot(
  deps: {
    store: Pick<Store, "listLatest" | "getArticleStats">;
    views: Pick<ViewCounter, "top">;
  },
  now: number,
  filter: ArticleFilter = {},
): Promise<string[]> {
  const within = { ...filter, since: Math.max(filter.since ?? 0, now - WEEK_MS) };
  const viewed = new Map(
    (await deps.views.top("day", now, HOT_VIEWED)).map((t) => [t.id, t.views]),
  );
  const newest = await deps.store.listLatest({ filter: within, first: HOT_NEWEST });
  const seen = new Set(newest.items.map((p) => p.id));
  const rest = [...viewed.keys()].filter((id) => !seen.has(id));
  const others =
    rest.length === 0
      ? []
      : (await deps.store.listLatest({ filter: { ...within, onlyIds: rest }, first: rest.length }))
          .items;
  const candidates = [...newest.items, ...others];
  const stats = await deps.store.getArticleStats(candidates.map((p) => p.id));
  return candidates
    .map((p) => ({
      id: p.id,
      score: hotScore({
        viewsLastDay: viewed.get(p.id) ?? 0,
        sourceRank: stats.get(p.id)?.sourceRank ?? null,
        ageHours: Math.max(0, (now - p.publishedAt) / HOUR_MS),
      }),
    }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, MAX_RANKED)
    .map((s) => s.id);
}
