import autocannon from "autocannon";
import type { BenchRequest } from "./workloads";

/** What one timed run against one server measured (latencies in ms). */
export interface LoadResult {
  /** Responses received. */
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  /** 2xx replies that carried GraphQL `errors`. */
  graphqlErrors: number;
}

/** How a run loads the server. */
export interface LoadOptions {
  connections: number;
  seconds: number;
}

const HEADERS = { "content-type": "application/json" };

/**
 * POSTs the requests to `url` in turn (a shared cycle across connections) for `seconds` with
 * `connections` open, and returns what autocannon measured.
 */
export async function runLoad(
  url: string,
  requests: readonly BenchRequest[],
  opts: LoadOptions,
): Promise<LoadResult> {
  const bodies = requests.map((r) => r.body);
  let next = 0;
  const result = await autocannon({
    url,
    method: "POST",
    headers: HEADERS,
    connections: opts.connections,
    duration: opts.seconds,
    body: bodies[0],
    requests:
      bodies.length > 1
        ? [{ setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) }]
        : undefined,
    // A cheap look at every reply: GraphQL errors come back as 200 with an `errors` member.
    verifyBody: (body) => !(body ?? "").includes('"errors":['),
  });
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / Math.max(result.duration, 1e-3),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors: result.mismatches,
  };
}
