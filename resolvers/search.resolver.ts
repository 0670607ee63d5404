import { GraphQLError } from "graphql";
import { Args, Ctx, Query, Resolver } from "type-graphql";
import { parseSearchQuery, SearchQueryError, type SearchNode } from "../src/domain/search-query";
import type { GatewayContext } from "../src/server/context";
import { SearchArgs, SearchConnectionType } from "../schema/search.types";
import { toArticleFilter } from "./article-filter";
import { decodeCursor, encodeCursor } from "./opaque-cursor";
import { keysetConnection, readPageRequest } from "./page-info";

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnectionType, {
    description: "Full-text search over titles, summaries and stories, most relevant first.",
  })
  async search(
    @Args() args: SearchArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<SearchConnectionType> {
    const request = readPageRequest(args, decodeSearchCursor);
    const page = await ctx.store.searchArticles({
      search: parsed(args.query),
      filter: toArticleFilter(args.filter),
      ...request,
    });
    const cards = await ctx.loaders.card.loadMany(page.items.map((i) => i.id));
    const edges = page.items.flatMap((hit, i) => {
      const node = cards[i];
      if (!node || node instanceof Error) return [];
      return [{ cursor: encodeSearchCursor(hit), score: hit.score, snippet: hit.snippet, node }];
    });
    return { ...keysetConnection(edges, page, request), totalCountCapped: page.totalCountCapped };
  }
}

function parsed(query: string): SearchNode {
  try {
    return parseSearchQuery(query);
  } catch (error) {
    if (error instanceof SearchQueryError) throw badInput(error.message);
    throw error;
  }
}

/** The opaque cursor of a hit: its score and id. */
export function encodeSearchCursor(hit: { score: number; id: string }): string {
  return encodeCursor({ s: hit.score, i: hit.id });
}

function decodeSearchCursor(cursor: string, argument: string): { score: number; id: string } {
  return decodeCursor(
    cursor,
    ({ s, i }) =>
      typeof s === "number" && Number.isFinite(s) && typeof i === "string"
        ? { score: s, id: i }
        : null,
    `${argument}: not a cursor from this search`,
  );
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}
