import { isObjectType, isInputObjectType, isEnumType, type GraphQLNamedType } from "graphql";
import { gatewaySchema } from "../support/graphql-harness";

// Sandbox documents the API from these descriptions; none may be missing.
describe("the schema documents itself", () => {
  it("describes every type, field, argument and enum value", async () => {
    const schema = await gatewaySchema();
    const missing: string[] = [];
    const own = Object.values(schema.getTypeMap()).filter(
      (t: GraphQLNamedType) =>
        !t.name.startsWith("__") && !["String", "Int", "Float", "Boolean", "ID"].includes(t.name),
    );
    for (const type of own) {
      // The root types are documented by their fields.
      const root = ["Query", "Mutation", "Subscription"].includes(type.name);
      if (!type.description && !root) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description) missing.push(`${type.name}.${value.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
