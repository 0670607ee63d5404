import { CacheHintFor } from "../schema/cache-hint.decorator";
import { WINDOW_SLIDE_SECONDS } from "./ranked-connection";
import { GraphQLError } from "graphql";
import {
  Arg,
  Args,
  Ctx,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from "type-graphql";
import type { GatewayContext } from "../src/server/context";
import { ArticleConnectionType } from "../schema/article-connection.type";
import { PageArgs } from "../schema/page.args";
import { totalViews } from "./popularity.resolver";
import { loadRankedConnection } from "./ranked-connection";
import { PopularityWindowEnum } from "../schema/popularity-window.enum";

@ObjectType("RecordedView", {
  simpleResolvers: true,
  description: "What recording a view did.",
})
export class RecordedViewType {
  @Field({
    description: "Whether this view counted (a client counts once per article per half hour).",
  })
  counted: boolean;

  @Field(() => Int, {
    description: "The article's views in all, this one included when it counted.",
  })
  views: number;
}

@Resolver()
export class ViewsResolver {
  @Mutation(() => RecordedViewType, {
    description: "Counts a view of an article: what popularity is made of. Limited per client.",
  })
  async recordView(
    @Arg("articleId", () => ID, { description: "The article read." }) articleId: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<RecordedViewType> {
    if ((await ctx.loaders.card.load(articleId)) === null) {
      throw new GraphQLError(`no article "${articleId}"`, { extensions: { code: "NOT_FOUND" } });
    }
    const counted = await ctx.views.record(articleId, ctx.client, ctx.now());
    // This view changed the pending count: read it afresh, not from earlier in the request.
    ctx.loaders.pendingViews.clear(articleId);
    return { counted, views: await totalViews(ctx, articleId) };
  }

  @CacheHintFor({ maxAge: WINDOW_SLIDE_SECONDS, reads: ["views"] })
  @Query(() => ArticleConnectionType, {
    description: "The most viewed articles in a window, most first, as a Relay connection.",
  })
  popular(
    @Arg("window", () => PopularityWindowEnum, {
      defaultValue: PopularityWindowEnum.DAY,
      description: "The span to count views in.",
    })
    window: PopularityWindowEnum,
    @Args() page: PageArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArticleConnectionType> {
    return loadRankedConnection(ctx, { ...page, filter: {}, ranking: { by: "popular", window } });
  }
}
