import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, validate, type OperationDefinitionNode } from "graphql";
import { gatewaySchema, createGraphqlHarness } from "../support/graphql-harness";
import { makeArticle, makeSource, useStore, listBackends } from "../store/store-backends";

const text = readFileSync(join(__dirname, "../../examples/operations.graphql"), "utf8");
const document = parse(text);
const operations = document.definitions.filter(
  (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
);
const sqlite = listBackends().filter((b) => b.name === "sqlite");

describe.each(sqlite)("examples/operations.graphql", (backend) => {
  const ctx = useStore(backend);

  it("is valid against the schema", async () => {
    expect(operations.length).toBeGreaterThanOrEqual(5);
    expect(validate(await gatewaySchema(), document)).toEqual([]);
  });

  // Mutations change sources over HTTP with an API key: test/server/source-admin.test.ts runs them.
  const queries = operations.filter((op) => op.operation === "query");

  it.each(queries.map((op) => [op.name!.value, op]))(
    "%s runs without errors",
    async (_name, op) => {
      const store = ctx.store();
      await store.upsertSources([makeSource("news")]);
      await store.upsertArticles([makeArticle("ex1")]);
      const api = await createGraphqlHarness({ store });
      const single = { kind: "Document" as const, definitions: [op] };
      const { errors, data } = await api.execute(single as never, { id: "ex1" } as never);
      await api.stop();
      expect(errors).toBeUndefined();
      expect(data).toBeTruthy();
    },
  );
});
