import { Args, Ctx, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../src/server/context";
import { ArticleConnectionType } from "../schema/article-connection.type";
import { HeadlinesArgs } from "../schema/headlines.args";
import { loadArticleConnection } from "./article-connection";
import { toArticleFilter } from "./article-filter";

@Resolver()
export class HeadlinesResolver {
  @Query(() => ArticleConnectionType, {
    description: "Headlines across all sources, newest first, as a Relay connection.",
  })
  headlines(
    @Args() args: HeadlinesArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArticleConnectionType> {
    return loadArticleConnection(ctx, {
      first: args.first,
      after: args.after,
      filter: toArticleFilter(args.filter),
    });
  }
}
