import { createCacheKeys } from "../../src/cache/cache-keys";
import { createMemoryCache } from "../../src/cache/memory-cache";
import { createMemoryViewCounter } from "../../src/cache/memory-view-counter";
import { createLogger } from "../../src/logger";
import { buildGatewaySchema } from "../../src/server/build-schema";
import { createContext } from "../../src/server/context";
import { createReadPath } from "../../src/server/read-path";
import { createHttpServer, type GatewayHttpServer } from "../../src/server/create-http-server";
import { createPersistedQueryCache } from "../../src/server/persisted-query-cache";
import { createStore } from "../../src/store/create-store";
import type { Store } from "../../src/store/store";
import { makeArticle, makeSource } from "../store/store-backends";
import { countCalls } from "../support/count-calls";
import { testConfig } from "../support/test-config";

const LIMITS = testConfig().limits;

describe("query limits: refused before any resolver runs", () => {
  let server: GatewayHttpServer;
  let url: string;
  let store: Store;
  let storeCalls: () => number;

  beforeAll(async () => {
    store = await createStore(testConfig().databaseUrl);
    await store.upsertSources([makeSource("news")]);
    await store.upsertArticles([makeArticle("a1")]);
    const counted = countCalls(store);
    storeCalls = counted.total;
    const cache = createMemoryCache({ maxEntries: 100 });
    const views = createMemoryViewCounter();
    const readPath = createReadPath({
      views,
      store: counted.proxy,
      cache,
      keys: createCacheKeys("limits:"),
      articleTtlSeconds: 60,
      listTtlSeconds: 60,
    });
    server = await createHttpServer({
      schema: await buildGatewaySchema(),
      compiled: true,
      responseCache: null,
      production: true,
      bodyLimitBytes: 100 * 1024,
      limits: LIMITS,
      persistedQueries: createPersistedQueryCache({
        cache,
        keyOf: (h) => `apq:${h}`,
        ttlSeconds: 60,
      }),
      createContext: () => createContext({ ...readPath, store: counted.proxy, views }),
      readiness: async () => ({ ready: true, store: "up", cache: "memory" }),
      logger: createLogger({ level: "silent" }),
    });
    url = await server.listen(0, "127.0.0.1");
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  async function post(body: string, contentType = "application/json") {
    const before = storeCalls();
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    });
    const text = await res.text();
    return {
      status: res.status,
      text,
      json: safeJson(text),
      storeCallsMade: storeCalls() - before,
    };
  }

  const query = (q: string) => post(JSON.stringify({ query: q }));
  const codeOf = (json: any) => json?.errors?.[0]?.extensions?.code;

  it("answers an ordinary query (and its resolvers do reach the store)", async () => {
    const res = await query("{ headlines(first: 5) { totalCount edges { node { title } } } }");
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data.headlines.totalCount).toBe(1);
    expect(res.storeCallsMade).toBeGreaterThan(0);
  });

  it("refuses a query 50 levels deep", async () => {
    const nest = (depth: number): string =>
      depth === 0
        ? "id"
        : `source { articles(first: 1) { edges { node { ${nest(depth - 1)} } } } }`;
    const res = await query(`{ headlines(first: 1) { edges { node { ${nest(12)} } } } }`);
    expect(res.status).toBe(400);
    expect(codeOf(res.json)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.text).toMatch(/depth/i);
    expect(res.storeCallsMade).toBe(0);
  });

  it("refuses more aliases than allowed", async () => {
    const aliases = Array.from(
      { length: LIMITS.maxAliases + 5 },
      (_, i) => `t${i}: tags { totalCount }`,
    );
    const res = await query(`{ ${aliases.join(" ")} }`);
    expect(res.status).toBe(400);
    expect(codeOf(res.json)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.text).toMatch(/aliases/i);
    expect(res.storeCallsMade).toBe(0);
  });

  it("refuses 500 aliases, and a field repeated 2,000 times, while parsing", async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `t${i}: tags { totalCount }`).join(" ");
    const repeated = `{ tags { ${"totalCount ".repeat(2000)}} }`;
    for (const q of [`{ ${aliases} }`, repeated]) {
      const res = await query(q);
      expect(res.status).toBe(400);
      expect(codeOf(res.json)).toBe("GRAPHQL_PARSE_FAILED");
      expect(res.text).toMatch(new RegExp(`more tha[nt] ${LIMITS.maxTokens} tokens`));
      expect(res.storeCallsMade).toBe(0);
    }
  });

  it("refuses first: 100000 and a costly nested page by their estimated cost", async () => {
    const huge = await query("{ headlines(first: 100000) { edges { node { title } } } }");
    const nested = await query(
      "{ headlines(first: 100) { edges { node { title source { articles(first: 100) { edges { node { title } } } } } } } }",
    );
    for (const res of [huge, nested]) {
      expect(res.status).toBe(400);
      expect(codeOf(res.json)).toBe("QUERY_TOO_COSTLY");
      expect(res.storeCallsMade).toBe(0);
    }
  });

  it("refuses a 10 MB body, an operation batch and a text/plain POST", async () => {
    const big = await post(
      JSON.stringify({ query: `{ tags { totalCount } } #${"x".repeat(10 * 1024 * 1024)}` }),
    );
    expect(big.status).toBe(413);
    expect(codeOf(big.json)).toBe("PAYLOAD_TOO_LARGE");
    const batch = await post(
      JSON.stringify([{ query: "{ tags { totalCount } }" }, { query: "{ tags { totalCount } }" }]),
    );
    expect(batch.status).toBe(400);
    expect(batch.text).toMatch(/batching/i);
    const plain = await post(JSON.stringify({ query: "{ tags { totalCount } }" }), "text/plain");
    expect(plain.status).toBe(400);
    expect([big, batch, plain].map((r) => r.storeCallsMade)).toEqual([0, 0, 0]);
  });
});

describe("requests a client got wrong", () => {
  let server: GatewayHttpServer;
  let store: Store;
  let url: string;
  beforeAll(async () => {
    store = await createStore(testConfig().databaseUrl);
    const cache = createMemoryCache({ maxEntries: 100 });
    const views = createMemoryViewCounter();
    const readPath = createReadPath({
      views,
      store,
      cache,
      keys: createCacheKeys("v:"),
      articleTtlSeconds: 60,
      listTtlSeconds: 60,
    });
    server = await createHttpServer({
      schema: await buildGatewaySchema(),
      compiled: true,
      responseCache: null,
      production: false,
      bodyLimitBytes: 100 * 1024,
      limits: LIMITS,
      persistedQueries: createPersistedQueryCache({ cache, keyOf: (h) => h, ttlSeconds: 60 }),
      createContext: () => createContext({ ...readPath, store, views }),
      readiness: async () => ({ ready: true, store: "up", cache: "memory" }),
      logger: createLogger({ level: "silent" }),
    });
    url = await server.listen(0, "127.0.0.1");
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });
  const send = async (body: string, contentType = "application/json") => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    });
    return {
      status: res.status,
      type: res.headers.get("content-type"),
      json: safeJson(await res.text()),
    };
  };

  it("answers a bad or missing variable with BAD_USER_INPUT naming it, not a server error", async () => {
    const query = "query($n: Int!) { headlines(first: $n) { totalCount } }";
    for (const variables of [{ n: "abc" }, {}]) {
      const res = await send(JSON.stringify({ query, variables }));
      expect(res.status).toBe(400);
      expect(res.json.errors[0].extensions.code).toBe("BAD_USER_INPUT");
      expect(res.json.errors[0].message).toContain("$n");
    }
  });

  it("counts `last` in the cost of a page read backwards", async () => {
    const res = await send(
      JSON.stringify({
        query:
          '{ headlines(first: 1, last: 100, before: "x") { edges { node { source { articles(first: 1, last: 100, before: "y") { totalCount } } } } } }',
      }),
    );
    expect(res.json.errors[0].extensions.code).toBe("QUERY_TOO_COSTLY");
  });

  it("refuses a body in a charset other than UTF-8 with 415 and says which to send", async () => {
    const body = JSON.stringify({ query: "{ tags { totalCount } }" });
    for (const charset of ["utf-7", "UTF-16", "iso-8859-1", '"utf-32"']) {
      const res = await send(body, `application/json; charset=${charset}`);
      expect(res.status).toBe(415);
      expect(res.json).toEqual({
        errors: [
          {
            message: "the request body's charset is not supported: send JSON in UTF-8",
            extensions: { code: "BAD_REQUEST" },
          },
        ],
      });
    }
  });

  it("accepts UTF-8 in any case, and no charset", async () => {
    const body = JSON.stringify({ query: "{ tags { totalCount } }" });
    for (const type of [
      "application/json",
      "application/json; charset=UTF-8",
      "application/json;charset=utf-8",
    ]) {
      const res = await send(body, type);
      expect(res.status).toBe(200);
      expect(res.json.data.tags.totalCount).toBe(0);
    }
  });

  it("refuses a Content-Encoding it does not read with 415", async () => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "compress" },
      body: "x",
    });
    expect(res.status).toBe(415);
    expect((await res.json()).errors[0].message).toMatch(/Content-Encoding/);
  });

  it("answers an unreadable body as JSON, with no stack trace", async () => {
    const res = await send("{ not json");
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/application\/json/);
    expect(res.json).toEqual({
      errors: [
        { message: "the request body is not valid JSON", extensions: { code: "BAD_REQUEST" } },
      ],
    });
  });
});

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
