import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";

const HEADER = "# Emitted by `npm run schema:emit` from the type-graphql classes; do not edit.\n\n";

/** The SDL committed as schema/schema.graphql (sorted, so the file diffs cleanly). */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return HEADER + printSchema(lexicographicSortSchema(schema)) + "\n";
}
