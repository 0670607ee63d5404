import type { ApolloServerPlugin } from "@apollo/server";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import {
  getVariableValues,
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

/** How much one GraphQL request may ask for. */
export interface QueryLimits {
  /** Deepest selection nesting. */
  maxDepth: number;
  /** Most aliases in one operation. */
  maxAliases: number;
  /** Most directives in one operation. */
  maxDirectives: number;
  /** Most lexical tokens in one document (checked while parsing, before anything else). */
  maxTokens: number;
  /** Highest estimated cost: one per field, lists counted `first` times. */
  maxCost: number;
}

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
 * before any resolver runs when it exceeds `maxCost` (code `QUERY_TOO_COSTLY`).
 */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  const estimators = [
    fieldExtensionsEstimator(),
    listByFirst,
    simpleEstimator({ defaultComplexity: 1 }),
  ];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // Variables are checked here first: the estimate needs them, and a bad one is the
          // client's mistake (BAD_USER_INPUT naming it), not a server error.
          const coerced = getVariableValues(
            schema,
            operation?.variableDefinitions ?? [],
            request.variables ?? {},
          );
          if (coerced.errors) {
            throw new GraphQLError(coerced.errors.map((e) => e.message).join("; "), {
              extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
            });
          }
          const cost = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            operationName: request.operationName ?? undefined,
            estimators,
          });
          if (cost > maxCost) {
            throw new GraphQLError(`query cost ${cost} exceeds the limit of ${maxCost}`, {
              extensions: { code: "QUERY_TOO_COSTLY", cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
