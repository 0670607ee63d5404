import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import { type ExecutionResult, type GraphQLError, type GraphQLSchema, printSchema } from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import { LRUCache } from "lru-cache";

type Gateway = ApolloServerOptionsWithGateway<BaseContext>["gateway"];
type Executor = Awaited<ReturnType<Gateway["load"]>>["executor"];

/** Options of {@link createCompiledExecution}. */
export interface CompiledExecutionOptions {
  /** Most compiled operations kept (the least recently run go first). */
  maxOperations: number;
}

/**
 * Runs operations compiled to JavaScript (graphql-jit) instead of graphql-js's interpreter,
 * behind Apollo Server: through its gateway interface, the one place Apollo takes another
 * executor. Apollo still parses, validates, runs every plugin and formats errors; each validated
 * document is compiled once (per operation name) and kept in a bounded cache.
 */
export function createCompiledExecution(
  schema: GraphQLSchema,
  options: CompiledExecutionOptions,
): Gateway {
  const compiled = new LRUCache<string, CompiledQuery>({ max: options.maxOperations });
  const executor: Executor = async ({ document, request, queryHash, operationName, context }) => {
    const key = `${queryHash}\u0000${operationName ?? ""}`;
    let query = compiled.get(key);
    if (query === undefined) {
      const made = compileQuery(schema, document, operationName ?? undefined);
      if (!isCompiledQuery(made)) return made as ExecutionResult;
      compiled.set(key, made);
      query = made;
    }
    return withExtensions(await query.query(undefined, context, request.variables ?? {}));
  };
  return {
    load: async () => ({ schema, executor }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    stop: async () => undefined,
  };
}

// graphql-jit leaves `extensions` undefined on errors whose cause has none, where graphql-js
// gives {}; Apollo reads `extensions.code` of every error, so each gets an empty one.
function withExtensions(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((e) => e.extensions === undefined)) return result;
  const errors = result.errors.map((e) =>
    e.extensions === undefined
      ? (Object.create(e, { extensions: { value: {}, enumerable: true } }) as GraphQLError)
      : e,
  );
  return { ...result, errors };
}
