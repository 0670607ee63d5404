import type { ArticleReads } from "../cache/article-reads";
import type { Store } from "../store/store";
import { createLoaders, type Loaders } from "./loaders";

/** What every resolver receives: per-request loaders and the shared read paths. */
export interface GatewayContext {
  loaders: Loaders;
  reads: ArticleReads;
  store: Store;
}

/** Builds the context of one GraphQL request. */
export function createContext(deps: { reads: ArticleReads; store: Store }): GatewayContext {
  return { loaders: createLoaders(deps), reads: deps.reads, store: deps.store };
}
