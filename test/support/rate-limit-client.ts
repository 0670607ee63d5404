/** POSTs a query as a client (an API key, or none) and returns status, headers and body. */
export async function ask(url: string, query: string, key?: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(key !== undefined && { authorization: `Bearer ${key}` }),
    },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

/** Sends `query` until it is refused (at most `max` times); returns how many were served. */
export async function servedUntilRefused(url: string, query: string, key?: string, max = 200) {
  for (let served = 0; served < max; served++) {
    const res = await ask(url, query, key);
    if (res.status === 429) return { served, refused: res };
    expect([res.status, res.body.errors]).toEqual([200, undefined]);
  }
  throw new Error(`still served after ${max} requests`);
}
