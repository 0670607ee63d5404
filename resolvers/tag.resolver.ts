import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { rankTrendingTags, tagGrowth } from "../src/domain/tag-trend";
import { windowMs } from "../src/domain/popularity";
import type { GatewayContext } from "../src/server/context";
import { ArticleConnectionType } from "../schema/article-connection.type";
import { PageArgs } from "../schema/page.args";
import { TagOrder } from "../schema/tag-order.enum";
import { TagType } from "../schema/tag.type";
import { TagsArgs } from "../schema/tags.args";
import { loadArticleConnection } from "./article-connection";

@Resolver(() => TagType)
export class TagResolver {
  @Query(() => [TagType], { description: "Tags, most used first, or those trending in a window." })
  async tags(@Args() args: TagsArgs, @Ctx() ctx: GatewayContext): Promise<TagType[]> {
    if (args.orderBy === TagOrder.COUNT) {
      const tags = await ctx.store.listTags(args.first);
      return tags.map((t) => ({ slug: t.slug, name: t.name, articleCount: t.count }));
    }
    const trends = rankTrendingTags(
      await ctx.store.listTagTrends(windowMs(args.window), ctx.now()),
      args.first,
    );
    const counts = new Map(
      (await ctx.store.getTags(trends.map((t) => t.slug))).map((t) => [t.slug, t.count]),
    );
    return trends.map((t) => ({
      slug: t.slug,
      name: t.name,
      articleCount: counts.get(t.slug) ?? t.current,
      trend: { current: t.current, previous: t.previous, growth: tagGrowth(t) },
    }));
  }

  @Query(() => TagType, { nullable: true, description: "One tag by its slug, or null." })
  async tag(
    @Arg("slug", { description: "The tag's slug, e.g. `data-privacy`." }) slug: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<TagType | null> {
    const [tag] = await ctx.store.getTags([slug]);
    return tag ? { slug: tag.slug, name: tag.name, articleCount: tag.count } : null;
  }

  @FieldResolver(() => ArticleConnectionType, { description: "Its articles, newest first." })
  articles(@Root() tag: TagType, @Args() args: PageArgs, @Ctx() ctx: GatewayContext) {
    return loadArticleConnection(ctx, {
      ...args,
      filter: { tagSlugs: [tag.slug] },
    });
  }
}
