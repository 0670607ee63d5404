import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";

/** The code of a request refused because its client spent its budget. */
export const RATE_LIMITED_CODE = "RATE_LIMITED";

function messageFor(retryAfterSeconds: number): string {
  return `rate limit exceeded: retry in ${retryAfterSeconds} s`;
}

/**
 * The error of a refused operation: over HTTP it carries status 429 and `Retry-After` (Apollo
 * applies `extensions.http` and strips it from the body); elsewhere (WebSocket) just the code.
 */
export function rateLimitedError(retryAfterSeconds: number, over: "http" | "socket"): GraphQLError {
  const http =
    over === "http"
      ? { status: 429, headers: new HeaderMap([["retry-after", String(retryAfterSeconds)]]) }
      : undefined;
  return new GraphQLError(messageFor(retryAfterSeconds), {
    extensions: { code: RATE_LIMITED_CODE, retryAfterSeconds, ...(http && { http }) },
  });
}

/** The JSON body of a 429 sent before Apollo sees the request. */
export function rateLimitedBody(retryAfterSeconds: number): string {
  return JSON.stringify({
    errors: [
      {
        message: messageFor(retryAfterSeconds),
        extensions: { code: RATE_LIMITED_CODE, retryAfterSeconds },
      },
    ],
  });
}
