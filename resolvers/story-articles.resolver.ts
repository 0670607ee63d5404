import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../src/server/context";
import { ArticleConnectionType } from "../schema/article-connection.type";
import { PageArgs } from "../schema/page.args";
import { StoryType } from "../schema/story.type";
import { pageOfRankedIds } from "./ranked-connection";

@Resolver(() => StoryType)
export class StoryArticlesResolver {
  @FieldResolver(() => ArticleConnectionType, {
    description: "Its reports, first published first.",
  })
  articles(
    @Root() story: StoryType,
    @Args() args: PageArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArticleConnectionType> {
    // A report usually joins after the others (published later): positions mostly hold.
    return pageOfRankedIds(ctx, story.articleIds, args, `story-${story.id}`);
  }
}
