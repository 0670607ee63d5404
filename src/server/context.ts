import type { ArticleReads } from "../cache/article-reads";
import type { Generations } from "../cache/generations";
import type { Rankings } from "../cache/rankings";
import type { SourceDirectory } from "../cache/source-directory";
import type { SourceType } from "../../schema/source.type";
import type { ViewCounter } from "../cache/view-counter";
import type { SourceAdmin } from "../ingest/source-admin";
import type { Store } from "../store/store";
import { createLoaders, type Loaders } from "./loaders";
import type { RateClient } from "./client-limits";
import type { ResponseFill } from "./response-cache";

/** What every resolver receives: per-request loaders, the shared read paths, and who asks. */
export interface GatewayContext {
  loaders: Loaders;
  reads: ArticleReads;
  /** Sources held in memory; admin changes drop theirs. */
  sourceViews: SourceDirectory<SourceType>;
  /** Generation counters; admin changes bump `sources`. */
  generations: Generations;
  /** HOT and POPULAR, computed once per generation. */
  rankings: Rankings;
  store: Store;
  /** Whether the request carried a valid API key (the admin mutations need one). */
  admin: boolean;
  /** Source management, for the admin mutations; absent where no gateway runs them. */
  sources: SourceAdmin | null;
  /** Counts views and reads popularity. */
  views: ViewCounter;
  /** Who asks (the client's address), for the view limits. */
  client: string;
  now: () => number;
  /** Set when this request's response may be kept by the response cache. */
  responseFill: ResponseFill | null;
  /** Who the rate limits charge for this request; null: nobody (limits off). */
  rateClient: RateClient | null;
}

/** Builds the context of one GraphQL request. */
export function createContext(deps: {
  reads: ArticleReads;
  sourceViews: SourceDirectory<SourceType>;
  generations: Generations;
  rankings: Rankings;
  store: Store;
  views: ViewCounter;
  admin?: boolean;
  sources?: SourceAdmin | null;
  client?: string;
  now?: () => number;
  responseFill?: ResponseFill | null;
  rateClient?: RateClient | null;
}): GatewayContext {
  const now = deps.now ?? Date.now;
  return {
    loaders: createLoaders({ ...deps, now }),
    reads: deps.reads,
    sourceViews: deps.sourceViews,
    generations: deps.generations,
    rankings: deps.rankings,
    store: deps.store,
    admin: deps.admin ?? false,
    sources: deps.sources ?? null,
    views: deps.views,
    client: deps.client ?? "unknown",
    now,
    responseFill: deps.responseFill ?? null,
    rateClient: deps.rateClient ?? null,
  };
}
