import { GraphQLError } from "graphql";
import { decodeLatestCursor, InvalidCursorError } from "../src/domain/latest-cursor";
import type { GatewayContext } from "../src/server/context";
import type { ArticleFilter, LatestPosition } from "../src/store/store";
import { ArticleConnectionType } from "../schema/article-connection.type";
import { keysetConnection, readPageRequest } from "./page-info";

function decodeCursor(cursor: string, argument: string): LatestPosition {
  try {
    return decodeLatestCursor(cursor);
  } catch (err) {
    if (err instanceof InvalidCursorError) {
      throw new GraphQLError(`${argument}: ${err.message}`, {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    throw err;
  }
}

/** Loads one page of articles in the LATEST order as a Relay connection. */
export async function loadArticleConnection(
  ctx: GatewayContext,
  args: { filter: ArticleFilter; first: number; after?: string; before?: string; last?: number },
): Promise<ArticleConnectionType> {
  const request = readPageRequest(args, decodeCursor);
  const page = await ctx.reads.listLatest({ filter: args.filter, ...request });
  const cards = await ctx.loaders.card.loadMany(page.items.map((p) => p.id));
  const edges = page.items.flatMap((_, i) => {
    const node = cards[i];
    // An article removed between the list and the load is skipped, not an error.
    if (!node || node instanceof Error) return [];
    return [{ cursor: page.cursors[i], node }];
  });
  return Object.assign(new ArticleConnectionType(), keysetConnection(edges, page, request));
}
