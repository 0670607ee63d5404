import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../src/server/context";
import { canonicalizeUrl } from "../src/domain/canonical-url";
import { ArticlePopularityType } from "../schema/article-popularity.type";
import { ContentFormat } from "../schema/content-format.enum";
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

  @Query(() => ArticleType, {
    nullable: true,
    description: "One article by its URL (tracking parameters and fragment ignored), or null.",
  })
  async articleByUrl(
    @Arg("url", { description: "The story's URL, as a link or a browser shows it." }) url: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArticleType | null> {
    const canonical = canonicalizeUrl(url);
    const id = canonical === null ? null : await ctx.store.findArticleIdByUrl(canonical);
    const found = id === null ? null : await ctx.loaders.article.load(id);
    return found ? toArticleType(found) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The full story in the format asked for; null when only a teaser is known.",
  })
  content(
    @Root() article: ArticleType,
    @Arg("format", () => ContentFormat, {
      defaultValue: ContentFormat.HTML,
      description: "HTML (sanitized) or plain TEXT.",
    })
    format: ContentFormat,
  ): string | null {
    return format === ContentFormat.TEXT ? article.contentText : article.contentHtml;
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
    return Object.assign(new ArticlePopularityType(), {
      articleId: article.id,
      publishedAt: article.publishedAt.getTime(),
      sourceRank: stats.sourceRank,
    });
  }
}
