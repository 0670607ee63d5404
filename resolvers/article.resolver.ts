import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../src/server/context";
import { ArticlePopularityType } from "../schema/article-popularity.type";
import { ArticleTagType } from "../schema/article-tag.type";
import { ArticleType, toArticleType } from "../schema/article.type";
import { SourceType, toSourceType } from "../schema/source.type";
import { TagOrigin } from "../schema/tag-origin.enum";

@Resolver(() => ArticleType)
export class ArticleResolver {
  @Query(() => ArticleType, { nullable: true, description: "One article by id, or null." })
  async article(
    @Arg("id", () => ID, { description: "The article's id." }) id: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArticleType | null> {
    const found = await ctx.loaders.article.load(id);
    return found ? toArticleType(found) : null;
  }

  @FieldResolver(() => SourceType, { nullable: true, description: "The source it came from." })
  async source(@Root() article: ArticleType, @Ctx() ctx: GatewayContext) {
    const s = await ctx.loaders.source.load(article.sourceId);
    return s ? toSourceType(s) : null;
  }

  @FieldResolver(() => [ArticleTagType], { description: "Tags, each with where it came from." })
  async tags(@Root() article: ArticleType, @Ctx() ctx: GatewayContext): Promise<ArticleTagType[]> {
    const tags = await ctx.loaders.tags.load(article.id);
    return tags.map((t) => ({ slug: t.slug, name: t.name, origin: t.origin as TagOrigin }));
  }

  @FieldResolver(() => ArticlePopularityType, { description: "Its popularity signals." })
  async popularity(
    @Root() article: ArticleType,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArticlePopularityType> {
    const stats = await ctx.loaders.stats.load(article.id);
    return { sourceRank: stats.sourceRank };
  }
}
