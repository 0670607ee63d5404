import { GraphQLError } from "graphql";
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { Article } from "../src/domain/article";
import { windowMs } from "../src/domain/popularity";
import type { GatewayContext } from "../src/server/context";
import type { StorySummary } from "../src/store/store";
import { ArticleType, toArticleType } from "../schema/article.type";
import { MAX_PAGE_SIZE } from "../schema/page.args";
import { PopularityWindowEnum } from "../schema/popularity-window.enum";
import { StoryType } from "../schema/story.type";

@Resolver(() => ArticleType)
export class StoryResolver {
  @Query(() => [StoryType], {
    description: "Events reported by two sources or more, latest first (clustered at ingest).",
  })
  async stories(
    @Arg("window", () => PopularityWindowEnum, {
      defaultValue: PopularityWindowEnum.DAY,
      description: "Stories with a report published within this span.",
    })
    window: PopularityWindowEnum,
    @Arg("first", () => Int, { defaultValue: 20, description: `How many, 1 to ${MAX_PAGE_SIZE}.` })
    first: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<StoryType[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw new GraphQLError(`first: 1 to ${MAX_PAGE_SIZE}`, {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    const stories = await ctx.store.listStories(ctx.now() - windowMs(window), first);
    return Promise.all(stories.map((s) => toStoryType(s, ctx)));
  }

  @FieldResolver(() => StoryType, {
    nullable: true,
    description: "The story it is part of, when other sources reported the same event.",
  })
  async story(@Root() article: ArticleType, @Ctx() ctx: GatewayContext): Promise<StoryType | null> {
    if (!article.clusterId) return null;
    const story = await ctx.loaders.story.load(article.clusterId);
    return story ? toStoryType(story, ctx) : null;
  }
}

async function toStoryType(story: StorySummary, ctx: GatewayContext): Promise<StoryType> {
  const loaded = await ctx.loaders.article.loadMany(story.articleIds);
  const articles = loaded.filter((a): a is Article => a !== null && !(a instanceof Error));
  return {
    id: story.id,
    headline: articles[0]?.title ?? "",
    sourceCount: story.sourceCount,
    firstSeenAt: new Date(story.firstSeenAt),
    lastUpdatedAt: new Date(story.lastUpdatedAt),
    articles: articles.map(toArticleType),
  };
}
