import { GraphQLScalarType } from "graphql";
import { GraphQLDateTimeISO } from "graphql-scalars";

/**
 * The DateTimeISO scalar as graphql-scalars defines it (same name, description and input
 * rules), writing the epoch-millisecond numbers the read path holds straight to ISO-8601.
 */
export const DateTimeISOScalar = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  serialize(value) {
    if (typeof value === "number" && Number.isFinite(value)) return new Date(value).toISOString();
    return GraphQLDateTimeISO.serialize(value);
  },
});
