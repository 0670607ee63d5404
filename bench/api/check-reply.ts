import type { BenchRequest, GraphqlReply } from "./workloads";

/**
 * Sends one request and throws, saying what was wrong, unless the reply is a 2xx JSON body
 * without `errors` that passes the request's own check.
 */
export async function checkReply(url: string, request: BenchRequest, what: string): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: request.body,
  });
  const text = await res.text();
  const problem = findProblem(res.status, text, request);
  if (problem) {
    throw new Error(
      `${what}: bad reply: ${problem}\n  request: ${clip(request.body)}\n  reply: ${clip(text)}`,
    );
  }
}

function findProblem(status: number, text: string, request: BenchRequest): string | null {
  if (status < 200 || status > 299) return `HTTP ${status}`;
  let reply: GraphqlReply;
  try {
    reply = JSON.parse(text) as GraphqlReply;
  } catch {
    return "not JSON";
  }
  if (reply.errors?.length) return `GraphQL errors`;
  return request.check(reply);
}

function clip(text: string): string {
  return text.length > 400 ? `${text.slice(0, 400)}...` : text;
}

/** Checks each distinct request of a list once (the first run of a workload on a target). */
export async function checkEveryReply(
  url: string,
  requests: readonly BenchRequest[],
  what: string,
): Promise<void> {
  for (const request of new Set(requests)) await checkReply(url, request, what);
}
