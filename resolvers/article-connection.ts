import { GraphQLError } from "graphql";
import type { Article } from "../src/domain/article";
import {
  decodeLatestCursor,
  encodeLatestCursor,
  InvalidCursorError,
} from "../src/domain/latest-cursor";
import type { GatewayContext } from "../src/server/context";
import type { ArticleFilter } from "../src/store/store";
import { ArticleConnectionType } from "../schema/article-connection.type";
import { toArticleType } from "../schema/article.type";
import { pageInfoOf } from "./page-info";

function decodeCursor(cursor: string | undefined) {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    return decodeLatestCursor(cursor);
  } catch (err) {
    if (err instanceof InvalidCursorError) {
      throw new GraphQLError(err.message, { extensions: { code: "BAD_USER_INPUT" } });
    }
    throw err;
  }
}

/** Loads one page of articles in the LATEST order as a Relay connection. */
export async function loadArticleConnection(
  ctx: GatewayContext,
  args: { filter: ArticleFilter; first: number; after?: string; before?: string; last?: number },
): Promise<ArticleConnectionType> {
  if (args.after != null && args.before != null) throw bothCursors();
  const after = decodeCursor(args.after);
  const before = decodeCursor(args.before);
  const first = before === undefined ? args.first : (args.last ?? args.first);
  const page = await ctx.reads.listLatest({ filter: args.filter, first, after, before });
  const loaded = await ctx.loaders.article.loadMany(page.items.map((p) => p.id));
  const edges = page.items.flatMap((position, i) => {
    const article = loaded[i];
    // An article removed between the list and the load is skipped, not an error.
    if (!article || article instanceof Error) return [];
    return [{ cursor: encodeLatestCursor(position), node: toArticleType(article as Article) }];
  });
  return Object.assign(new ArticleConnectionType(), {
    edges,
    totalCount: page.totalCount,
    pageInfo: pageInfoOf(edges, {
      // Going back, "more" is newer articles, before this page; the cursor's own page follows.
      hasNextPage: before === undefined ? page.hasNextPage : true,
      hasPreviousPage: before === undefined ? after !== undefined : page.hasNextPage,
    }),
  });
}

/** The error for a page asked both after and before a cursor. */
export function bothCursors(): GraphQLError {
  return new GraphQLError("give after or before, not both", {
    extensions: { code: "BAD_USER_INPUT" },
  });
}
