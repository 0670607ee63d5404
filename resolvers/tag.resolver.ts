import { CacheHintFor } from "../schema/cache-hint.decorator";
import { WINDOW_SLIDE_SECONDS } from "./ranked-connection";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { rankTrendingTags, tagGrowth } from "../src/domain/tag-trend";
import { windowMs } from "../src/domain/popularity";
import type { GatewayContext } from "../src/server/context";
import type { TagPosition } from "../src/store/store";
import { ArticleConnectionType } from "../schema/article-connection.type";
import { PageArgs } from "../schema/page.args";
import { TagOrder } from "../schema/tag-order.enum";
import { TagConnectionType, TagType } from "../schema/tag.type";
import { TagsArgs } from "../schema/tags.args";
import { loadArticleConnection } from "./article-connection";
import { decodeCursor, decodeRankCursor, encodeCursor, encodeRankCursor } from "./opaque-cursor";
import { keysetConnection, pageInfoOf, rankedSlice, readPageRequest } from "./page-info";

// A trending list reads this many tags; pages run through them.
const MAX_TRENDING = 1000;

@Resolver(() => TagType)
export class TagResolver {
  // Trending windows slide with the clock.
  @CacheHintFor({ maxAge: WINDOW_SLIDE_SECONDS })
  @Query(() => TagConnectionType, {
    description: "Tags, most used first, or those trending in a window, as a Relay connection.",
  })
  tags(@Args() args: TagsArgs, @Ctx() ctx: GatewayContext): Promise<TagConnectionType> {
    return args.orderBy === TagOrder.COUNT ? mostUsed(args, ctx) : trending(args, ctx);
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

// Most used first: a keyset on (article count, slug).
async function mostUsed(args: TagsArgs, ctx: GatewayContext): Promise<TagConnectionType> {
  const request = readPageRequest(args, decodeTagCursor);
  const page = await ctx.store.listTags(request);
  const edges = page.items.map((t) => ({
    cursor: encodeCursor({ c: t.count, s: t.slug }),
    node: { slug: t.slug, name: t.name, articleCount: t.count },
  }));
  return keysetConnection(edges, page, request);
}

// Trending is a ranking computed per request: its cursors are positions, like POPULAR's.
async function trending(args: TagsArgs, ctx: GatewayContext): Promise<TagConnectionType> {
  const request = readPageRequest(args, (cursor, argument) =>
    decodeRankCursor(cursor, argument, `trending-${args.window}`),
  );
  const ranked = rankTrendingTags(
    await ctx.store.listTagTrends(windowMs(args.window), ctx.now()),
    MAX_TRENDING,
  );
  const slice = rankedSlice(
    { first: request.first, after: request.after?.position, before: request.before?.position },
    ranked.length,
  );
  const shown = ranked.slice(slice.start, slice.end);
  const counts = new Map(
    (await ctx.store.getTags(shown.map((t) => t.slug))).map((t) => [t.slug, t.count]),
  );
  const edges = shown.map((t, i) => ({
    cursor: encodeRankCursor(`trending-${args.window}`, { position: slice.start + i + 1 }),
    node: {
      slug: t.slug,
      name: t.name,
      articleCount: counts.get(t.slug) ?? t.current,
      trend: { current: t.current, previous: t.previous, growth: tagGrowth(t) },
    },
  }));
  return { edges, totalCount: ranked.length, pageInfo: pageInfoOf(edges, slice) };
}

function decodeTagCursor(cursor: string, argument: string): TagPosition {
  return decodeCursor(
    cursor,
    ({ c, s }) =>
      typeof c === "number" && Number.isInteger(c) && typeof s === "string"
        ? { count: c, slug: s }
        : null,
    `${argument}: not a cursor of tags by count`,
  );
}
