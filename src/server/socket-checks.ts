import type { IncomingMessage } from "node:http";
import {
  type DocumentNode,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import type { ClientLimits } from "./client-limits";
import { createCostEstimates, limitRules, type QueryLimits, tooCostlyError } from "./query-limits";
import { withoutSuggestions } from "./hide-suggestions";
import { chargeOperation } from "./rate-limit-middleware";

/** What graphql-ws hands `onSubscribe`: the operation and where it came from. */
export interface SocketOperation {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  authorization?: string;
  request: IncomingMessage;
}

/**
 * Returns the checks an operation sent over the WebSocket passes before it starts: the same
 * limits as over HTTP (tokens, depth, aliases, directives, cost), then the client's rate limit
 * charged its whole cost. Errors are returned (graphql-ws refuses the operation with them).
 */
export function createSocketChecks(deps: {
  schema: GraphQLSchema;
  limits: QueryLimits;
  clientLimits: ClientLimits | null;
  addressOf: (req: IncomingMessage) => string;
  /** Production: no message guesses at names the schema holds (`Did you mean "..."?`). */
  hideSuggestions: boolean;
}): (op: SocketOperation) => Promise<readonly GraphQLError[] | undefined> {
  const estimate = createCostEstimates(deps.schema);
  const rules = [...specifiedRules, ...limitRules(deps.limits)];
  return async (op) => {
    let document: DocumentNode;
    try {
      document = parse(op.query, { maxTokens: deps.limits.maxTokens });
    } catch (error) {
      return [error as GraphQLError];
    }
    const errors = validate(deps.schema, document, rules);
    if (errors.length > 0) return deps.hideSuggestions ? errors.map(withoutSuggestion) : errors;
    const operationName = op.operationName ?? undefined;
    const operation = getOperationAST(document, operationName) ?? undefined;
    const found = estimate(document, operation, operationName, op.variables ?? {});
    // Invalid variables are graphql-ws's to report, as it always has.
    if ("invalid" in found) return undefined;
    if (found.cost > deps.limits.maxCost)
      return [tooCostlyError(found.cost, deps.limits.maxCost, false)];
    if (deps.clientLimits === null) return undefined;
    const client = deps.clientLimits.identify(op.authorization, deps.addressOf(op.request));
    try {
      await chargeOperation(deps.clientLimits, client, found.cost, "socket");
      return undefined;
    } catch (error) {
      return [error as GraphQLError];
    }
  };
}

function withoutSuggestion(error: GraphQLError): GraphQLError {
  const message = withoutSuggestions(error.message);
  return new GraphQLError(message, { nodes: error.nodes, extensions: error.extensions });
}
