import { GraphQLError } from "graphql";
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { Article } from "../src/domain/article";
import type { GatewayContext } from "../src/server/context";
import { ArticleType, toArticleType } from "../schema/article.type";
import { MAX_PAGE_SIZE } from "../schema/page.args";
import { PopularityWindowEnum } from "../schema/popularity-window.enum";

@ObjectType("RecordedView", { description: "What recording a view did." })
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
    if ((await ctx.loaders.article.load(articleId)) === null) {
      throw new GraphQLError(`no article "${articleId}"`, { extensions: { code: "NOT_FOUND" } });
    }
    const counted = await ctx.views.record(articleId, ctx.client, ctx.now());
    const stored = await ctx.loaders.stats.load(articleId);
    const pending = (await ctx.views.pending([articleId])).get(articleId) ?? 0;
    return { counted, views: stored.views + pending };
  }

  @Query(() => [ArticleType], { description: "The most viewed articles in a window, most first." })
  async popular(
    @Arg("window", () => PopularityWindowEnum, {
      defaultValue: PopularityWindowEnum.DAY,
      description: "The span to count views in.",
    })
    window: PopularityWindowEnum,
    @Arg("first", () => Int, { defaultValue: 20, description: `How many, 1 to ${MAX_PAGE_SIZE}.` })
    first: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArticleType[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw new GraphQLError(`first: 1 to ${MAX_PAGE_SIZE}`, {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    const top = await ctx.views.top(window, ctx.now(), first);
    const loaded = await ctx.loaders.article.loadMany(top.map((t) => t.id));
    return loaded
      .filter((a): a is Article => a !== null && !(a instanceof Error))
      .map(toArticleType);
  }
}
