import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { DateTimeISOScalar } from "../../schema/date-time.scalar";
import { ArticleAddedResolver } from "../../resolvers/article-added.resolver";
import { type ArticleEvents, createArticleEvents } from "./article-events";
import type { GatewayContext } from "./context";
import { ArticleResolver } from "../../resolvers/article.resolver";
import { HeadlinesResolver } from "../../resolvers/headlines.resolver";
import { SourceAdminResolver } from "../../resolvers/source-admin.resolver";
import { PopularityResolver } from "../../resolvers/popularity.resolver";
import { SearchResolver } from "../../resolvers/search.resolver";
import { SourceResolver } from "../../resolvers/source.resolver";
import { StoryArticlesResolver } from "../../resolvers/story-articles.resolver";
import { StoryResolver } from "../../resolvers/story.resolver";
import { TagResolver } from "../../resolvers/tag.resolver";
import { ViewsResolver } from "../../resolvers/views.resolver";

/**
 * Builds the executable GraphQL schema from the type-graphql classes, with validation on;
 * subscriptions hear the given events channel (an in-process one when none is given).
 */
export function buildGatewaySchema(events?: ArticleEvents): Promise<GraphQLSchema> {
  return buildSchema({
    pubSub: (events ?? createArticleEvents()).pubSub as never,
    resolvers: [
      ArticleAddedResolver,
      HeadlinesResolver,
      ArticleResolver,
      SourceResolver,
      SourceAdminResolver,
      SearchResolver,
      PopularityResolver,
      ViewsResolver,
      StoryResolver,
      StoryArticlesResolver,
      TagResolver,
    ],
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: DateTimeISOScalar }],
    // @Authorized() mutations need an API key; without one they fail with UNAUTHENTICATED.
    authChecker: ({ context }) => (context as GatewayContext).admin,
  });
}
