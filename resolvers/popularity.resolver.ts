import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from "type-graphql";
import { HOT_GRAVITY, hotScore, sourceRankBonus } from "../src/domain/popularity";
import type { GatewayContext } from "../src/server/context";
import {
  ArticlePopularityType,
  PopularityExplanationType,
} from "../schema/article-popularity.type";
import { PopularityWindowEnum } from "../schema/popularity-window.enum";

const HOUR_MS = 3600_000;

@Resolver(() => ArticlePopularityType)
export class PopularityResolver {
  @FieldResolver(() => Int, { description: "Views counted in all, stored and not yet stored." })
  views(@Root() p: ArticlePopularityType, @Ctx() ctx: GatewayContext): Promise<number> {
    return totalViews(ctx, p.articleId);
  }

  @FieldResolver(() => Float, { description: "Views within the window (sliding, hourly steps)." })
  viewsInWindow(
    @Root() p: ArticlePopularityType,
    @Arg("window", () => PopularityWindowEnum, {
      defaultValue: PopularityWindowEnum.DAY,
      description: "The span to count.",
    })
    window: PopularityWindowEnum,
    @Ctx() ctx: GatewayContext,
  ): Promise<number> {
    return ctx.loaders.windowViews.load(`${window}:${p.articleId}`);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Place among the most viewed in the window (1 = most); null beyond the top 1,000.",
  })
  rank(
    @Root() p: ArticlePopularityType,
    @Arg("window", () => PopularityWindowEnum, {
      defaultValue: PopularityWindowEnum.DAY,
      description: "The span views are counted in.",
    })
    window: PopularityWindowEnum,
    @Ctx() ctx: GatewayContext,
  ): Promise<number | null> {
    return ctx.loaders.popularRank.load(`${window}:${p.articleId}`);
  }

  @FieldResolver(() => Float, { description: "Hot score: recent views against age (see explain)." })
  async score(@Root() p: ArticlePopularityType, @Ctx() ctx: GatewayContext): Promise<number> {
    return hotScore(await inputsOf(p, ctx));
  }

  @FieldResolver(() => PopularityExplanationType, { description: "The hot score's inputs." })
  async explain(
    @Root() p: ArticlePopularityType,
    @Ctx() ctx: GatewayContext,
  ): Promise<PopularityExplanationType> {
    const inputs = await inputsOf(p, ctx);
    return {
      ...inputs,
      sourceRankBonus: sourceRankBonus(inputs.sourceRank),
      gravity: HOT_GRAVITY,
      formula: `(viewsLastDay + sourceRankBonus + 1) / (ageHours + 2)^${HOT_GRAVITY}`,
    };
  }
}

/** An article's views in all: those in the store and those counted since the last flush. */
export async function totalViews(ctx: GatewayContext, articleId: string): Promise<number> {
  const [stats, pending] = await Promise.all([
    ctx.loaders.stats.load(articleId),
    ctx.loaders.pendingViews.load(articleId),
  ]);
  return stats.views + pending;
}

async function inputsOf(p: ArticlePopularityType, ctx: GatewayContext) {
  const viewsLastDay = await ctx.loaders.windowViews.load(`day:${p.articleId}`);
  const ageHours = Math.max(0, (ctx.now() - p.publishedAt) / HOUR_MS);
  return { viewsLastDay, sourceRank: p.sourceRank, ageHours: Math.round(ageHours * 100) / 100 };
}
