import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { ArticleResolver } from "../../resolvers/article.resolver";
import { HeadlinesResolver } from "../../resolvers/headlines.resolver";
import { SourceResolver } from "../../resolvers/source.resolver";
import { TagResolver } from "../../resolvers/tag.resolver";

/** Builds the executable GraphQL schema from the type-graphql classes, with validation on. */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [HeadlinesResolver, ArticleResolver, SourceResolver, TagResolver],
    validate: { forbidUnknownValues: false },
  });
}
