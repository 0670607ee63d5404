import { Args, Ctx, Query, Resolver } from "type-graphql";
import { FULL_STORY_MIN_WORDS } from "../src/domain/text-limits";
import type { GatewayContext } from "../src/server/context";
import { ArticleConnectionType } from "../schema/article-connection.type";
import { HeadlinesArgs } from "../schema/headlines.args";
import { loadArticleConnection } from "./article-connection";

@Resolver()
export class HeadlinesResolver {
  @Query(() => ArticleConnectionType, {
    description: "Headlines across all sources, newest first, as a Relay connection.",
  })
  headlines(
    @Args() args: HeadlinesArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArticleConnectionType> {
    const f = args.filter;
    return loadArticleConnection(ctx, {
      first: args.first,
      after: args.after,
      filter: {
        sourceIds: f?.sources,
        tagSlugs: f?.tags,
        allTagSlugs: f?.allTags,
        language: f?.language,
        fullText:
          f?.hasFullText == null
            ? undefined
            : { present: f.hasFullText, minWords: FULL_STORY_MIN_WORDS },
        excludeIds: f?.excludeIds,
        since: f?.since?.getTime(),
        until: f?.until?.getTime(),
      },
    });
  }
}
