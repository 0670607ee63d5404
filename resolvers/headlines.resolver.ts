import { Args, Ctx, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../src/server/context";
import { ArticleConnectionType } from "../schema/article-connection.type";
import { HeadlineOrder } from "../schema/headline-order.enum";
import { HeadlinesArgs } from "../schema/headlines.args";
import { loadArticleConnection } from "./article-connection";
import { toArticleFilter } from "./article-filter";
import { loadRankedConnection } from "./ranked-connection";

@Resolver()
export class HeadlinesResolver {
  @Query(() => ArticleConnectionType, {
    description:
      "Headlines across all sources (newest, most viewed or hottest first), as a Relay connection.",
  })
  headlines(
    @Args() args: HeadlinesArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArticleConnectionType> {
    const filter = toArticleFilter(args.filter);
    const page = {
      first: args.first,
      after: args.after,
      before: args.before,
      last: args.last,
      filter,
    };
    if (args.orderBy === HeadlineOrder.POPULAR) {
      return loadRankedConnection(ctx, {
        ...page,
        ranking: { by: "popular", window: args.window },
      });
    }
    if (args.orderBy === HeadlineOrder.HOT) {
      return loadRankedConnection(ctx, { ...page, ranking: { by: "hot" } });
    }
    return loadArticleConnection(ctx, page);
  }
}
