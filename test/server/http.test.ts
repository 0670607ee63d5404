import { getIntrospectionQuery } from "graphql";
import { createLogger } from "../../src/logger";
import { startServer, type Running } from "../../src/main";
import { createStore } from "../../src/store/create-store";
import { makeArticle, makeSource } from "../store/store-backends";
import { postGraphql, testConfig } from "../support/test-config";

const logger = createLogger({ level: "silent" });

async function seededConfig(env: "development" | "production") {
  const config = testConfig({ env, bodyLimitBytes: 4096 });
  const store = await createStore(config.databaseUrl);
  await store.upsertSources([makeSource("news")]);
  await store.upsertArticles([makeArticle("x1")]);
  await store.close();
  return config;
}

describe("the HTTP server in development", () => {
  let running: Running;
  beforeAll(async () => {
    running = await startServer(await seededConfig("development"), logger);
  });
  afterAll(() => running.stop());
  const base = () => running.url!.replace(/\/graphql$/, "");

  it("answers /healthz, and /readyz with the store up and the in-process cache", async () => {
    expect(await (await fetch(`${base()}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, store: "up", cache: "memory" });
  });

  it("shows the Apollo Sandbox landing page to a browser", async () => {
    const res = await fetch(running.url!, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/sandbox/i);
  });

  it("answers a query", async () => {
    const { body } = await postGraphql(
      running.url!,
      "{ headlines { edges { node { id title } } } }",
    );
    expect(body.data.headlines.edges).toEqual([{ node: { id: "x1", title: "Title x1" } }]);
  });

  it("answers the full introspection query Sandbox sends, within the query limits", async () => {
    const { body } = await postGraphql(running.url!, getIntrospectionQuery({ descriptions: true }));
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.queryType.name).toBe("Query");
  });

  it("refuses a body over the limit with 413 before any GraphQL runs", async () => {
    const padding = "x".repeat(8192);
    const res = await fetch(running.url!, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ headlines { totalCount } } # ${padding}` }),
    });
    expect(res.status).toBe(413);
  });

  it("refuses a simple cross-site POST (text/plain) as CSRF protection", async () => {
    const res = await fetch(running.url!, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ headlines { totalCount } }" }),
    });
    expect(res.status).toBe(400);
  });

  it("suggests the field a mistyped one may have meant", async () => {
    const { body } = await postGraphql(running.url!, "{ headline { totalCount } }");
    expect(body.errors![0].message).toBe(
      'Cannot query field "headline" on type "Query". Did you mean "headlines"?',
    );
  });

  it("answers a syntax error with GRAPHQL_PARSE_FAILED", async () => {
    const { status, body } = await postGraphql(running.url!, "{ headlines { ");
    expect(status).toBe(400);
    expect(body.errors![0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
  });
});

describe("the HTTP server in production", () => {
  let running: Running;
  beforeAll(async () => {
    running = await startServer(await seededConfig("production"), logger);
  });
  afterAll(() => running.stop());

  it("serves no landing page", async () => {
    const res = await fetch(running.url!, { headers: { accept: "text/html" } });
    expect(await res.text()).not.toMatch(/sandbox/i);
  });

  it("refuses introspection", async () => {
    const { body } = await postGraphql(running.url!, "{ __schema { types { name } } }");
    expect(body.errors![0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("suggests no field, argument or enum value names (introspection is off)", async () => {
    const field = await postGraphql(running.url!, "{ headline { totalCount } }");
    expect(field.body.errors![0]).toMatchObject({
      message: 'Cannot query field "headline" on type "Query".',
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
    const argument = await postGraphql(running.url!, "{ headlines(frist: 1) { totalCount } }");
    expect(argument.body.errors![0].message).toBe(
      'Unknown argument "frist" on field "Query.headlines".',
    );
    const order = "query($o: HeadlineOrder) { headlines(orderBy: $o) { totalCount } }";
    const variable = await postGraphql(running.url!, order, { o: "LATES" });
    expect(variable.body.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify([field.body, argument.body, variable.body])).not.toMatch(
      /did you mean|headlines"\?|LATEST/i,
    );
  });

  it("sends client errors with their code and without a stack trace", async () => {
    const bad = await postGraphql(running.url!, "{ headlines(first: 0) { totalCount } }");
    expect(bad.body.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(bad.body)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });
});
