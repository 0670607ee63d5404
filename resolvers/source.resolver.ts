import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../src/server/context";
import { ArticleConnectionType } from "../schema/article-connection.type";
import { PageArgs } from "../schema/page.args";
import { SourceType, toSourceType } from "../schema/source.type";
import { loadArticleConnection } from "./article-connection";

@Resolver(() => SourceType)
export class SourceResolver {
  @Query(() => [SourceType], { description: "Every configured source with its health." })
  async sources(@Ctx() ctx: GatewayContext): Promise<SourceType[]> {
    return (await ctx.store.listSources()).map(toSourceType);
  }

  @Query(() => SourceType, { nullable: true, description: "One source by id, or null." })
  async source(
    @Arg("id", () => ID, { description: "The source's id." }) id: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<SourceType | null> {
    const s = await ctx.loaders.source.load(id);
    return s ? toSourceType(s) : null;
  }

  @FieldResolver(() => ArticleConnectionType, {
    description: "This source's articles, newest first.",
  })
  articles(@Root() source: SourceType, @Args() args: PageArgs, @Ctx() ctx: GatewayContext) {
    return loadArticleConnection(ctx, {
      ...args,
      filter: { sourceIds: [source.id] },
    });
  }
}
