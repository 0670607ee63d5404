import { Field, ID, Int, ObjectType } from "type-graphql";
import { ArticleType } from "./article.type";
import { PageInfoType } from "./page-info.type";

@ObjectType("Story", {
  description: "One event reported by several sources: their articles, clustered at ingest.",
})
export class StoryType {
  @Field(() => ID, { description: "The cluster's id." })
  id: string;

  @Field({ description: "The headline of its first report." })
  headline: string;

  @Field(() => Int, { description: "How many sources reported it." })
  sourceCount: number;

  @Field(() => Date, { description: "When its first report was published." })
  firstSeenAt: Date;

  @Field(() => Date, { description: "When its latest report was published." })
  lastUpdatedAt: Date;

  @Field(() => [ArticleType], { description: "Its articles, first published first." })
  articles: ArticleType[];
}

@ObjectType("StoryEdge", { description: "One story in a connection, with its cursor." })
export class StoryEdgeType {
  @Field({ description: "Opaque position of this story; pass as `after`." })
  cursor: string;

  @Field(() => StoryType, { description: "The story." })
  node: StoryType;
}

@ObjectType("StoryConnection", {
  description: "A page of stories, latest first (Relay connection).",
})
export class StoryConnectionType {
  @Field(() => [StoryEdgeType], { description: "This page's stories, in order." })
  edges: StoryEdgeType[];

  @Field(() => PageInfoType, { description: "Where this page is, and how to get the next." })
  pageInfo: PageInfoType;

  @Field(() => Int, { description: "Stories in the window, across all pages." })
  totalCount: number;
}
