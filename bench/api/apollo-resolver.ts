import { Args, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Article } from "../../src/domain/article";
import { readingTimeMinutes } from "../../src/domain/reading-time";
import {
  ArticleConnectionNode,
  ArticleNode,
  HeadlineOrderValue,
  HeadlinesArgsInput,
  SourceNode,
} from "./apollo-types";
import type { MemoryHeadlines } from "./memory-headlines";

/** Returns the apollo baseline's resolver class over the corpus in memory. */
export function createApolloResolver(headlines: MemoryHeadlines): new () => object {
  @Resolver(() => ArticleNode)
  class ApolloHeadlinesResolver {
    @Query(() => ArticleConnectionNode)
    headlines(@Args(() => HeadlinesArgsInput) args: HeadlinesArgsInput): ArticleConnectionNode {
      if (args.orderBy !== HeadlineOrderValue.LATEST)
        throw new Error("the baseline serves LATEST only");
      if (args.first < 1 || args.first > 100) throw new Error("first: 1 to 100");
      const page = headlines.page(args.first, args.after);
      return {
        ...page,
        edges: page.edges.map((e) => ({ cursor: e.cursor, node: toNode(e.node) })),
      };
    }

    @FieldResolver(() => SourceNode, { nullable: true })
    source(@Root() article: ArticleNode): SourceNode | null {
      return headlines.source(article.sourceId);
    }
  }
  return ApolloHeadlinesResolver;
}

function toNode(a: Article): ArticleNode {
  return {
    id: a.id,
    sourceId: a.sourceId,
    guid: a.guid,
    title: a.title,
    url: a.url,
    summary: a.summary,
    author: a.author,
    publishedAt: new Date(a.publishedAt),
    updatedAt: a.updatedAt === null ? null : new Date(a.updatedAt),
    ingestedAt: new Date(a.ingestedAt),
    language: a.language,
    imageUrl: a.imageUrl,
    wordCount: a.wordCount,
    readingTimeMinutes: readingTimeMinutes(a.wordCount),
    tags: a.tags,
  };
}
