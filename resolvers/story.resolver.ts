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

// Related articles are read for one story page at a time; twenty is plenty for a sidebar.
const MAX_RELATED = 20;

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

  @FieldResolver(() => [ArticleType], {
    description: "Articles about the same: its story's other reports, then those sharing its tags.",
  })
  async related(
    @Root() article: ArticleType,
    @Arg("first", () => Int, { defaultValue: 5, description: `How many, 1 to ${MAX_RELATED}.` })
    first: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArticleType[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_RELATED) {
      throw new GraphQLError(`first: 1 to ${MAX_RELATED}`, {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    const tags = await ctx.loaders.tags.load(article.id);
    const ids = await ctx.store.listRelated(
      { id: article.id, clusterId: article.clusterId ?? null, tagSlugs: tags.map((t) => t.slug) },
      first,
    );
    const loaded = await ctx.loaders.article.loadMany(ids);
    return loaded
      .filter((a): a is Article => a !== null && !(a instanceof Error))
      .map(toArticleType);
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
