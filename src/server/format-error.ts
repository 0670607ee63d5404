import type { GraphQLFormattedError } from "graphql";
import {
  findStoreUnavailable,
  STORE_UNAVAILABLE_CODE,
  storeUnavailableError,
} from "./store-unavailable";
import { withoutSuggestions } from "./hide-suggestions";
import { RATE_LIMITED_CODE } from "./rate-limited-error";

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function flatten(errors: ValidationErrorLike[], path: string[] = []): string[] {
  return errors.flatMap((e) => {
    const here = [...path, e.property];
    const own = Object.values(e.constraints ?? {}).map((m) => `${here.join(".")}: ${m}`);
    return [...own, ...flatten(e.children ?? [], here)];
  });
}

/** Codes whose messages are written for clients and safe to pass through. */
const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "BAD_REQUEST",
  "NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "QUERY_TOO_COSTLY",
  RATE_LIMITED_CODE,
  STORE_UNAVAILABLE_CODE,
]);

/**
 * Shapes errors for clients: validation failures name the argument and rule; the store's
 * state (busy, timeouts, read-only, disk full) is STORE_UNAVAILABLE, with no internals; anything
 * unexpected is masked as INTERNAL_SERVER_ERROR when `maskInternal` is set; with
 * `hideSuggestions`, no message guesses at names the schema holds (`Did you mean "..."?`).
 */
export function createErrorFormatter(opts: {
  maskInternal: boolean;
  hideSuggestions?: boolean;
  onInternal: (formatted: GraphQLFormattedError, error: unknown) => void;
}) {
  const shape = formatFor(opts);
  if (!opts.hideSuggestions) return shape;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const shaped = shape(formatted, error);
    const message = withoutSuggestions(shaped.message);
    return message === shaped.message ? shaped : { ...shaped, message };
  };
}

function formatFor(opts: {
  maskInternal: boolean;
  onInternal: (formatted: GraphQLFormattedError, error: unknown) => void;
}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? "INTERNAL_SERVER_ERROR");
    const validation = formatted.extensions?.validationErrors as ValidationErrorLike[] | undefined;
    if (validation) {
      const messages = flatten(validation);
      return {
        message: `Invalid arguments: ${messages.join("; ")}`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: "BAD_USER_INPUT", invalid: messages },
      };
    }
    if (CLIENT_CODES.has(code)) return formatted;
    const unavailable = findStoreUnavailable(error);
    if (unavailable !== null) {
      const { message, extensions } = storeUnavailableError(unavailable.fault).toJSON();
      return { message, locations: formatted.locations, path: formatted.path, extensions };
    }
    // Apollo refuses some requests (a persisted query whose hash does not match) with a 400
    // and no code: the client's mistake, said in words written for it.
    if (httpStatusOf(error) === 400) return { ...formatted, extensions: { code: "BAD_REQUEST" } };
    opts.onInternal(formatted, error);
    if (!opts.maskInternal) return formatted;
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}

function httpStatusOf(error: unknown): number | undefined {
  const extensions = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions;
  const status = extensions?.http?.status;
  return typeof status === "number" ? status : undefined;
}
