import { readFileSync } from "node:fs";
import { join } from "node:path";
import { printGatewaySchema } from "../../src/server/print-schema";
import { gatewaySchema } from "../support/graphql-harness";

describe("schema/schema.graphql", () => {
  it("is exactly what the type-graphql classes emit (run npm run schema:emit after changing them)", async () => {
    const committed = readFileSync(join(__dirname, "../../schema/schema.graphql"), "utf8");
    expect(printGatewaySchema(await gatewaySchema())).toBe(committed);
  });
});
