import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from "@apollo/server";
import { LRUCache } from "lru-cache";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import {
  type DocumentNode,
  getVariableValues,
  type OperationDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import {
  type ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from "graphql-query-complexity";
import type { QueryLimits } from "../domain/query-limits";

/** How much one GraphQL request may ask for (a section of the config). */
export type { QueryLimits } from "../domain/query-limits";

/** The validation rules that refuse too deep, too aliased or too directive-laden operations. */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  // Reported as validation errors (GRAPHQL_VALIDATION_FAILED); propagating would throw instead.
  const common = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
    ],
  };
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, flattenFragments: true }),
    maxAliasesRule({ ...common, n: limits.maxAliases }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives }),
  ] as unknown as ValidationRule[];
}

// A list field's cost is its items' cost times how many are asked for: `first`, or `last`
// when that is larger (going back from `before`, a page holds `last` items).
const listByFirst: ComplexityEstimator = ({ args, childComplexity }) => {
  const sizes = [args.first, args.last].filter((n): n is number => typeof n === "number");
  return sizes.length > 0 ? 1 + childComplexity * Math.max(...sizes) : undefined;
};

/**
 * A plugin that estimates the operation's cost once its variables are known, and refuses it
 * before any resolver runs when it exceeds `maxCost` (code `QUERY_TOO_COSTLY`); an accepted
 * cost is handed to `onCost` (the rate limits), which may refuse it by throwing.
 */
export function costLimitPlugin<TContext extends BaseContext>(
  schema: GraphQLSchema,
  maxCost: number,
  onCost?: (cost: number, context: TContext) => Promise<void>,
): ApolloServerPlugin<TContext> {
  const estimate = createCostEstimates(schema);
  const listener: GraphQLRequestListener<TContext> = {
    async didResolveOperation({ request, document, operation, contextValue }) {
      const found = estimate(
        document,
        operation,
        request.operationName ?? undefined,
        request.variables ?? {},
      );
      // Variables are checked here first: the estimate needs them, and a bad one is the
      // client's mistake (BAD_USER_INPUT naming it), not a server error.
      if ("invalid" in found) {
        throw new GraphQLError(found.invalid, {
          extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
        });
      }
      if (found.cost > maxCost) throw tooCostlyError(found.cost, maxCost, true);
      await onCost?.(found.cost, contextValue);
    },
  };
  return { requestDidStart: async () => listener };
}

/** The error of an operation whose estimated cost is over the limit (`QUERY_TOO_COSTLY`). */
export function tooCostlyError(cost: number, maxCost: number, overHttp: boolean): GraphQLError {
  return new GraphQLError(`query cost ${cost} exceeds the limit of ${maxCost}`, {
    extensions: {
      code: "QUERY_TOO_COSTLY",
      cost,
      maxCost,
      ...(overHttp && { http: { status: 400 } }),
    },
  });
}

/** An operation's estimated cost, or why its variables are invalid. */
export type Estimate = { cost: number } | { invalid: string };

/**
 * Estimates an operation's cost (or says why its variables are invalid). The estimate depends on
 * the document, the operation and the variables only: an app sends the same few operations again
 * and again, so each is estimated once (Apollo hands back one document object per query text).
 */
export function createCostEstimates(schema: GraphQLSchema) {
  const estimators = [
    fieldExtensionsEstimator(),
    listByFirst,
    simpleEstimator({ defaultComplexity: 1 }),
  ];
  const estimates = new WeakMap<DocumentNode, LRUCache<string, Estimate>>();
  return (
    document: DocumentNode,
    operation: OperationDefinitionNode | undefined,
    operationName: string | undefined,
    variables: Record<string, unknown>,
  ): Estimate => {
    let byRequest = estimates.get(document);
    if (byRequest === undefined) {
      byRequest = new LRUCache({ max: ESTIMATES_PER_DOCUMENT });
      estimates.set(document, byRequest);
    }
    const key = `${operationName ?? ""}\u0000${JSON.stringify(variables)}`;
    let found = byRequest.get(key);
    if (found === undefined) {
      found = estimateCost(schema, estimators, document, operation, operationName, variables);
      byRequest.set(key, found);
    }
    return found;
  };
}

// Distinct variable sets remembered per document (a client paging through a feed sends many).
const ESTIMATES_PER_DOCUMENT = 500;

function estimateCost(
  schema: GraphQLSchema,
  estimators: ComplexityEstimator[],
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): Estimate {
  const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], variables);
  if (coerced.errors) return { invalid: coerced.errors.map((e) => e.message).join("; ") };
  const cost = getComplexity({ schema, query: document, variables, operationName, estimators });
  return { cost };
}
