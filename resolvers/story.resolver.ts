import { CacheHintFor } from "../schema/cache-hint.decorator";
import { WINDOW_SLIDE_SECONDS } from "./ranked-connection";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { ArticleCard } from "../src/domain/article-card";
import { windowMs } from "../src/domain/popularity";
import type { GatewayContext } from "../src/server/context";
import type { StorySummary } from "../src/store/store";
import { ArticleType } from "../schema/article.type";
import { PopularityWindowEnum } from "../schema/popularity-window.enum";
import { PageArgs } from "../schema/page.args";
import { RelatedArgs } from "../schema/related.args";
import { StoryConnectionType, StoryType } from "../schema/story.type";
import { decodeCursor, encodeCursor } from "./opaque-cursor";
import { keysetConnection, readPageRequest } from "./page-info";

@Resolver(() => ArticleType)
export class StoryResolver {
  // The window slides with the clock.
  @CacheHintFor({ maxAge: WINDOW_SLIDE_SECONDS })
  @Query(() => StoryConnectionType, {
    description: "Events reported by two sources or more, latest first (clustered at ingest).",
  })
  async stories(
    @Arg("window", () => PopularityWindowEnum, {
      defaultValue: PopularityWindowEnum.DAY,
      description: "Stories with a report published within this span.",
    })
    window: PopularityWindowEnum,
    @Args() page: PageArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<StoryConnectionType> {
    const request = readPageRequest(page, decodeStoryCursor);
    const found = await ctx.store.listStories({ since: ctx.now() - windowMs(window), ...request });
    const nodes = await Promise.all(found.items.map((s) => toStoryType(s, ctx)));
    const edges = nodes.map((node, i) => ({ cursor: encodeStoryCursor(found.items[i]), node }));
    return keysetConnection(edges, found, request);
  }

  @FieldResolver(() => [ArticleType], {
    description: "Articles about the same: its story's other reports, then those sharing its tags.",
  })
  async related(
    @Root() article: ArticleCard,
    @Args() args: RelatedArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArticleCard[]> {
    const ids = (await ctx.loaders.related.load(article.id)).slice(0, args.first);
    const cards = await ctx.loaders.card.loadMany(ids);
    return cards.filter((c): c is ArticleCard => c !== null && !(c instanceof Error));
  }

  @FieldResolver(() => StoryType, {
    nullable: true,
    description: "The story it is part of, when other sources reported the same event.",
  })
  async story(@Root() article: ArticleCard, @Ctx() ctx: GatewayContext): Promise<StoryType | null> {
    if (!article.clusterId) return null;
    const story = await ctx.loaders.story.load(article.clusterId);
    return story ? toStoryType(story, ctx) : null;
  }
}

async function toStoryType(story: StorySummary, ctx: GatewayContext): Promise<StoryType> {
  const first =
    story.articleIds[0] === undefined ? null : await ctx.loaders.card.load(story.articleIds[0]);
  return {
    id: story.id,
    headline: first?.title ?? "",
    sourceCount: story.sourceCount,
    firstSeenAt: new Date(story.firstSeenAt),
    lastUpdatedAt: new Date(story.lastUpdatedAt),
    articleIds: story.articleIds,
  };
}

function encodeStoryCursor(story: StorySummary): string {
  return encodeCursor({ l: story.lastUpdatedAt, i: story.id });
}

function decodeStoryCursor(
  cursor: string,
  argument: string,
): { lastUpdatedAt: number; id: string } {
  return decodeCursor(
    cursor,
    ({ l, i }) =>
      typeof l === "number" && typeof i === "string" ? { lastUpdatedAt: l, id: i } : null,
    `${argument}: not a cursor of stories`,
  );
}
