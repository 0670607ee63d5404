import { ApolloServer } from "@apollo/server";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import type { Cache } from "../../src/cache/cache";
import { createCacheKeys } from "../../src/cache/cache-keys";
import { createMemoryCache } from "../../src/cache/memory-cache";
import { createMemoryViewCounter } from "../../src/cache/memory-view-counter";
import type { ViewCounter } from "../../src/cache/view-counter";
import { buildGatewaySchema } from "../../src/server/build-schema";
import { createContext, type GatewayContext } from "../../src/server/context";
import { createReadPath } from "../../src/server/read-path";
import { createCompiledExecution } from "../../src/server/compiled-execution";
import { createErrorFormatter } from "../../src/server/format-error";
import type { Store } from "../../src/store/store";

let schemaOnce: Promise<GraphQLSchema> | null = null;

/** The real schema, built once per test file. */
export function gatewaySchema(): Promise<GraphQLSchema> {
  schemaOnce ??= buildGatewaySchema();
  return schemaOnce;
}

/** Runs typed operations against the real schema over a given store and cache. */
export interface GraphqlHarness {
  execute<TData, TVars extends Record<string, unknown>>(
    doc: TypedDocumentNode<TData, TVars>,
    variables?: TVars,
  ): Promise<{
    data: TData | null | undefined;
    errors: readonly GraphQLFormattedError[] | undefined;
  }>;
  stop(): Promise<void>;
}

/** Apollo Server with the gateway's schema, context and error formatting (no HTTP). */
export async function createGraphqlHarness(opts: {
  store: Store;
  cache?: Cache;
  views?: ViewCounter;
}): Promise<GraphqlHarness> {
  const cache = opts.cache ?? createMemoryCache({ maxEntries: 1000 });
  const views = opts.views ?? createMemoryViewCounter();
  const readPath = createReadPath({
    views,
    store: opts.store,
    cache,
    keys: createCacheKeys("test:"),
    articleTtlSeconds: 300,
    listTtlSeconds: 60,
  });
  const apollo = new ApolloServer<GatewayContext>({
    // As the gateway serves: operations compiled (graphql-jit).
    gateway: createCompiledExecution(await gatewaySchema(), { maxOperations: 100 }),
    formatError: createErrorFormatter({ maskInternal: true, onInternal: () => undefined }),
  });
  await apollo.start();
  return {
    async execute(doc, variables) {
      const res = await apollo.executeOperation(
        { query: doc, variables },
        { contextValue: createContext({ ...readPath, store: opts.store, views }) },
      );
      if (res.body.kind !== "single") throw new Error("expected a single result");
      const { data, errors } = res.body.singleResult;
      return { data: data as never, errors };
    },
    stop: () => apollo.stop(),
  };
}
