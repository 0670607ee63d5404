import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import type { GatewayContext } from "./context";
import { ArticleResolver } from "../../resolvers/article.resolver";
import { HeadlinesResolver } from "../../resolvers/headlines.resolver";
import { SourceAdminResolver } from "../../resolvers/source-admin.resolver";
import { PopularityResolver } from "../../resolvers/popularity.resolver";
import { SearchResolver } from "../../resolvers/search.resolver";
import { SourceResolver } from "../../resolvers/source.resolver";
import { TagResolver } from "../../resolvers/tag.resolver";
import { ViewsResolver } from "../../resolvers/views.resolver";

/** Builds the executable GraphQL schema from the type-graphql classes, with validation on. */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      HeadlinesResolver,
      ArticleResolver,
      SourceResolver,
      SourceAdminResolver,
      SearchResolver,
      PopularityResolver,
      ViewsResolver,
      TagResolver,
    ],
    validate: { forbidUnknownValues: false },
    // @Authorized() mutations need an API key; without one they fail with UNAUTHENTICATED.
    authChecker: ({ context }) => (context as GatewayContext).admin,
  });
}
