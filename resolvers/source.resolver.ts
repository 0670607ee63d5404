import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { matchesSourceFilter } from "../src/domain/source-filter";
import type { GatewayContext } from "../src/server/context";
import { ArticleConnectionType } from "../schema/article-connection.type";
import { PageArgs } from "../schema/page.args";
import { SourceConnectionType, SourceType, toSourceType } from "../schema/source.type";
import { SourcesArgs } from "../schema/sources.args";
import { loadArticleConnection } from "./article-connection";
import { decodeCursor, encodeCursor } from "./opaque-cursor";
import { keysetConnection, pageOfSortedList, readPageRequest } from "./page-info";

@Resolver(() => SourceType)
export class SourceResolver {
  @Query(() => SourceConnectionType, {
    description: "The configured sources with their health, by id, as a Relay connection.",
  })
  async sources(@Args() args: SourcesArgs, @Ctx() ctx: GatewayContext) {
    const request = readPageRequest(args, decodeSourceCursor);
    // Sources are configuration (hundreds, not millions): the list is read whole and paged here.
    const matching = (await ctx.store.listSources())
      .filter((s) => matchesSourceFilter(s, args.filter ?? {}))
      .sort((a, b) => compareIds(a.id, b.id));
    const page = pageOfSortedList(matching, (s) => s.id, compareIds, request);
    const edges = page.items.map((s) => ({
      cursor: encodeCursor({ source: s.id }),
      node: toSourceType(s),
    }));
    return Object.assign(new SourceConnectionType(), keysetConnection(edges, page, request));
  }

  @Query(() => SourceType, { nullable: true, description: "One source by id, or null." })
  async source(
    @Arg("id", () => ID, { description: "The source's id." }) id: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<SourceType | null> {
    // Read afresh (not the copy held for lists): this is where its health is looked at.
    const [s] = await ctx.store.getSources([id]);
    // A removed source still names its articles (Article.source), but is no longer one.
    return s && s.removedAt == null ? toSourceType(s) : null;
  }

  @FieldResolver(() => ArticleConnectionType, {
    description: "This source's articles, newest first.",
  })
  articles(@Root() source: SourceType, @Args() args: PageArgs, @Ctx() ctx: GatewayContext) {
    return loadArticleConnection(ctx, {
      ...args,
      filter: { sourceIds: [source.id] },
    });
  }
}

// Byte order, whatever the database's collation: cursors compare the same way.
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function decodeSourceCursor(cursor: string, argument: string): string {
  return decodeCursor(
    cursor,
    ({ source }) => (typeof source === "string" ? source : null),
    `${argument}: not a cursor of sources`,
  );
}
