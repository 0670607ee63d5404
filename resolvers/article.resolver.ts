import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { ArticleBody, ArticleCard } from "../src/domain/article-card";
import type { GatewayContext } from "../src/server/context";
import { canonicalizeUrl } from "../src/domain/canonical-url";
import { ArticlePopularityType } from "../schema/article-popularity.type";
import { ContentFormat } from "../schema/content-format.enum";
import { ArticleType } from "../schema/article.type";
import { SourceType } from "../schema/source.type";

/** An article as a resolver receives it: a card, or a whole article (subscriptions). */
type ArticleRoot = ArticleCard & Partial<ArticleBody>;

@Resolver(() => ArticleType)
export class ArticleResolver {
  @Query(() => ArticleType, { nullable: true, description: "One article by id, or null." })
  article(
    @Arg("id", () => ID, { description: "The article's id." }) id: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArticleCard | null> {
    return ctx.loaders.card.load(id);
  }

  @Query(() => ArticleType, {
    nullable: true,
    description: "One article by its URL (tracking parameters and fragment ignored), or null.",
  })
  async articleByUrl(
    @Arg("url", { description: "The story's URL, as a link or a browser shows it." }) url: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArticleCard | null> {
    const canonical = canonicalizeUrl(url);
    const id = canonical === null ? null : await ctx.store.findArticleIdByUrl(canonical);
    return id === null ? null : ctx.loaders.card.load(id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The full story in the format asked for; null when only a teaser is known.",
  })
  async content(
    @Root() article: ArticleRoot,
    @Arg("format", () => ContentFormat, {
      defaultValue: ContentFormat.HTML,
      description: "HTML (sanitized) or plain TEXT.",
    })
    format: ContentFormat,
    @Ctx() ctx: GatewayContext,
  ): Promise<string | null> {
    const body = await bodyOf(article, ctx);
    return format === ContentFormat.TEXT ? body.contentText : body.contentHtml;
  }

  @FieldResolver(() => String, { nullable: true, description: "Full story as sanitized HTML." })
  async contentHtml(@Root() article: ArticleRoot, @Ctx() ctx: GatewayContext) {
    return (await bodyOf(article, ctx)).contentHtml;
  }

  @FieldResolver(() => String, { nullable: true, description: "Full story as plain text." })
  async contentText(@Root() article: ArticleRoot, @Ctx() ctx: GatewayContext) {
    return (await bodyOf(article, ctx)).contentText;
  }

  @FieldResolver(() => SourceType, { nullable: true, description: "The source it came from." })
  source(@Root() article: ArticleRoot, @Ctx() ctx: GatewayContext): Promise<SourceType | null> {
    return ctx.loaders.source.load(article.sourceId);
  }

  @FieldResolver(() => ArticlePopularityType, { description: "Its popularity signals." })
  async popularity(
    @Root() article: ArticleRoot,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArticlePopularityType> {
    const stats = await ctx.loaders.stats.load(article.id);
    return Object.assign(new ArticlePopularityType(), {
      articleId: article.id,
      publishedAt: article.publishedAt,
      sourceRank: stats.sourceRank,
    });
  }
}

const NO_BODY: ArticleBody = { contentHtml: null, contentText: null };

// A whole article (a subscription's) carries its text; a card's is loaded once per request.
async function bodyOf(article: ArticleRoot, ctx: GatewayContext): Promise<ArticleBody> {
  if (article.contentHtml !== undefined && article.contentText !== undefined) {
    return { contentHtml: article.contentHtml, contentText: article.contentText };
  }
  return (await ctx.loaders.body.load(article.id)) ?? NO_BODY;
}
