import { Field, Int, ObjectType } from "type-graphql";
import { ArticleType } from "./article.type";
import { PageInfoType } from "./page-info.type";

@ObjectType("ArticleEdge", { description: "One article in a connection, with its cursor." })
export class ArticleEdgeType {
  @Field({ description: "Opaque position of this article; pass as `after`." })
  cursor: string;

  @Field(() => ArticleType, { description: "The article." })
  node: ArticleType;
}

@ObjectType("ArticleConnection", { description: "A page of articles (Relay connection)." })
export class ArticleConnectionType {
  @Field(() => [ArticleEdgeType], { description: "This page's articles, in order." })
  edges: ArticleEdgeType[];

  @Field(() => PageInfoType, { description: "Where this page is, and how to get the next." })
  pageInfo: PageInfoType;

  @Field(() => Int, { description: "Articles matching the filter, across all pages." })
  totalCount: number;
}
