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

function decodeAfter(after: string | undefined) {
  if (after === undefined || after === null) return undefined;
  try {
    return decodeLatestCursor(after);
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
  args: { filter: ArticleFilter; first: number; after?: string },
): Promise<ArticleConnectionType> {
  const after = decodeAfter(args.after);
  const page = await ctx.reads.listLatest({ filter: args.filter, first: args.first, after });
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
      hasNextPage: page.hasNextPage,
      hasPreviousPage: after !== undefined,
    }),
  });
}
