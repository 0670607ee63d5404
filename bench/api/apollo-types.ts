import "reflect-metadata";
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import type { TagOrigin } from "../../src/domain/article";

// The apollo baseline's own type-graphql classes: the same names and fields as the gateway's
// for the operations the baselines serve, written the way a type-graphql app usually is.

/** Where a tag came from; the stored values are the enum's values. */
export enum TagOriginValue {
  EXTRACTED = "extracted",
  FEED = "feed",
  PAGE = "page",
}
registerEnumType(TagOriginValue, { name: "TagOrigin" });

/** How headlines are ordered (the baseline serves LATEST only). */
export enum HeadlineOrderValue {
  HOT = "HOT",
  LATEST = "LATEST",
  POPULAR = "POPULAR",
}
registerEnumType(HeadlineOrderValue, { name: "HeadlineOrder" });

/** A tag on one article. */
@ObjectType("ArticleTag")
export class ArticleTagNode {
  @Field() slug: string;
  @Field() name: string;
  @Field(() => TagOriginValue) origin: TagOrigin;
}

/** A source as the baselines show it. */
@ObjectType("Source")
export class SourceNode {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) siteUrl: string | null;
}

/** An article; `source` is a field resolver (ApolloHeadlinesResolver). */
@ObjectType("Article")
export class ArticleNode {
  @Field(() => ID) id: string;
  /** Carried for the source field resolver; not a GraphQL field. */
  sourceId: string;
  @Field(() => String, { nullable: true }) guid: string | null;
  @Field() title: string;
  @Field() url: string;
  @Field(() => String, { nullable: true }) summary: string | null;
  @Field(() => String, { nullable: true }) author: string | null;
  @Field() publishedAt: Date;
  @Field(() => Date, { nullable: true }) updatedAt: Date | null;
  @Field() ingestedAt: Date;
  @Field(() => String, { nullable: true }) language: string | null;
  @Field(() => String, { nullable: true }) imageUrl: string | null;
  @Field(() => Int) wordCount: number;
  @Field(() => Int) readingTimeMinutes: number;
  @Field(() => [ArticleTagNode]) tags: ArticleTagNode[];
}

/** One article in a connection, with its cursor. */
@ObjectType("ArticleEdge")
export class ArticleEdgeNode {
  @Field() cursor: string;
  @Field(() => ArticleNode) node: ArticleNode;
}

/** Relay pagination state. */
@ObjectType("PageInfo")
export class PageInfoNode {
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
  @Field() hasNextPage: boolean;
  @Field() hasPreviousPage: boolean;
}

/** A page of articles. */
@ObjectType("ArticleConnection")
export class ArticleConnectionNode {
  @Field(() => [ArticleEdgeNode]) edges: ArticleEdgeNode[];
  @Field(() => PageInfoNode) pageInfo: PageInfoNode;
  @Field(() => Int) totalCount: number;
}

/** Arguments of Query.headlines. */
@ArgsType()
export class HeadlinesArgsInput {
  @Field(() => String, { nullable: true }) after?: string | null;
  @Field(() => Int, { defaultValue: 20 }) first: number;
  @Field(() => HeadlineOrderValue, { defaultValue: HeadlineOrderValue.LATEST })
  orderBy: HeadlineOrderValue;
}
