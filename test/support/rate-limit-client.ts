/** What a client got back: status, headers and the parsed JSON body. */
export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

function authorization(key?: string): Record<string, string> {
  return key === undefined ? {} : { authorization: `Bearer ${key}` };
}

async function answerOf(res: Response): Promise<Answer> {
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

/**
 * POSTs a query as a client (an API key, or none; more headers, such as `X-Forwarded-For`) and
 * returns status, headers and body.
 */
export async function ask(
  url: string,
  query: string,
  key?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...authorization(key), ...headers },
    body: JSON.stringify({ query }),
  });
  return answerOf(res);
}

/**
 * GETs an operation from its query-string parameters (`query`, or `extensions` of a persisted
 * one, JSON-encoded when not strings), with the header Apollo's CSRF rule asks of a GET.
 */
export async function askGet(
  url: string,
  params: Record<string, unknown>,
  key?: string,
): Promise<Answer> {
  const search = new URLSearchParams(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === "string" ? value : JSON.stringify(value),
    ]),
  );
  const res = await fetch(`${url}?${search}`, {
    headers: { "apollo-require-preflight": "true", ...authorization(key) },
  });
  return answerOf(res);
}

/** Sends `query` until it is refused (at most `max` times); returns how many were served. */
export function servedUntilRefused(url: string, query: string, key?: string, max = 200) {
  return servedUntilRefusedBy(() => ask(url, query, key), max);
}

/** Sends a request until it is refused with 429 (at most `max` times); how many were served. */
export async function servedUntilRefusedBy(send: () => Promise<Answer>, max = 200) {
  for (let served = 0; served < max; served++) {
    const res = await send();
    if (res.status === 429) return { served, refused: res };
    expect([res.status, res.body.errors]).toEqual([200, undefined]);
  }
  throw new Error(`still served after ${max} requests`);
}
