import { setTimeout as delay } from "node:timers/promises";

/** What the chaos run asks the gateway outside the load, with the API key. */
export interface GatewayProbes {
  /** The articles' views in all (store and Redis), summed. */
  totalViews(ids: readonly string[]): Promise<number>;
  /** Ids of the newest `n` articles. */
  newestIds(n: number): Promise<string[]>;
  /** Refreshes each source once, in turn; true when every refresh stored what it fetched. */
  refreshAll(sourceIds: readonly string[]): Promise<boolean>;
  /** Whether the gateway is whole again: ready, Redis up, no views held back. */
  recovered(): Promise<boolean>;
  /** /readyz as JSON (null when it did not answer). */
  readyz(): Promise<Readyz | null>;
}

/** The parts of /readyz the run reads. */
export interface Readyz {
  ready: boolean;
  cache: string;
  views?: { redis: string; views: number; overflow: number };
  badCacheValues?: number;
}

const MAX_ALIASES = 20;

/** Probes of the gateway at `url` (its base, without /graphql). */
export function createGatewayProbes(url: string, apiKey: string): GatewayProbes {
  const graphql = async <T>(query: string, variables: object = {}): Promise<T> => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await res.json()) as { data?: T; errors?: { message: string }[] };
    if (json.errors?.length || json.data === undefined)
      throw new Error(`probe failed: ${json.errors?.map((e) => e.message).join("; ")}`);
    return json.data;
  };
  const readyz = async (): Promise<Readyz | null> => {
    try {
      return (await (await fetch(`${url}/readyz`)).json()) as Readyz;
    } catch {
      return null;
    }
  };
  return {
    async totalViews(ids) {
      let total = 0;
      for (let i = 0; i < ids.length; i += MAX_ALIASES) {
        const part = ids.slice(i, i + MAX_ALIASES);
        const fields = part
          .map((id, j) => `a${j}: article(id: ${JSON.stringify(id)}) { popularity { views } }`)
          .join(" ");
        const data = await graphql<Record<string, { popularity: { views: number } } | null>>(
          `{ ${fields} }`,
        );
        for (const a of Object.values(data)) total += a?.popularity.views ?? 0;
      }
      return total;
    },
    async newestIds(n) {
      const data = await graphql<{ headlines: { edges: { node: { id: string } }[] } }>(
        `
          query ($n: Int!) {
            headlines(first: $n) {
              edges {
                node {
                  id
                }
              }
            }
          }
        `,
        { n },
      );
      return data.headlines.edges.map((e) => e.node.id);
    },
    async refreshAll(sourceIds) {
      let allOk = true;
      for (const id of sourceIds) {
        const ok = await graphql<{ refreshSource: { ok: boolean } }>(
          `
            mutation ($id: ID!) {
              refreshSource(id: $id) {
                ok
              }
            }
          `,
          { id },
        ).then(
          (d) => d.refreshSource.ok,
          () => false,
        );
        allOk &&= ok;
      }
      return allOk;
    },
    async recovered() {
      const report = await readyz();
      if (!report?.ready || report.cache === "down") return false;
      return (
        report.views === undefined || (report.views.redis === "up" && report.views.views === 0)
      );
    },
    readyz,
  };
}

/** Polls `check` every 100 ms until it holds; the ms it took, or null after `limitMs`. */
export async function timeUntil(
  check: () => Promise<boolean>,
  limitMs: number,
): Promise<number | null> {
  const start = performance.now();
  while (performance.now() - start < limitMs) {
    if (await check().catch(() => false)) return Math.round(performance.now() - start);
    await delay(100);
  }
  return null;
}
