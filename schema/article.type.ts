import { Field, ID, Int, ObjectType } from "type-graphql";
import type { Article } from "../src/domain/article";
import { readingTimeMinutes } from "../src/domain/reading-time";
import { EnclosureType } from "./enclosure.type";

@ObjectType("Article", { description: "A normalized news article from one source." })
export class ArticleType {
  @Field(() => ID, { description: "Stable id: a hash of the source and guid, else of the URL." })
  id: string;

  /** Carried for the source and tags field resolvers; not a GraphQL field. */
  sourceId: string;

  /** Carried for the story field resolver; not a GraphQL field. */
  clusterId?: string | null;

  @Field(() => String, { nullable: true, description: "The source's own id for the item." })
  guid: string | null;

  @Field({ description: "Canonical absolute URL of the story (tracking parameters removed)." })
  url: string;

  @Field({ description: "Headline as plain text." })
  title: string;

  @Field(() => String, { nullable: true, description: "Plain-text teaser, at most ~300 chars." })
  summary: string | null;

  @Field(() => String, { nullable: true, description: "Full story as sanitized HTML." })
  contentHtml: string | null;

  @Field(() => String, { nullable: true, description: "Full story as plain text." })
  contentText: string | null;

  @Field(() => String, { nullable: true, description: "Author as the source names them." })
  author: string | null;

  @Field(() => Date, { description: "When the story was published (UTC)." })
  publishedAt: Date;

  @Field(() => Date, { nullable: true, description: "When the source last updated the story." })
  updatedAt: Date | null;

  @Field(() => Date, { description: "When newsgate first stored the story." })
  ingestedAt: Date;

  @Field(() => String, { nullable: true, description: "Language code, e.g. `en`." })
  language: string | null;

  @Field(() => String, { nullable: true, description: "Lead image URL." })
  imageUrl: string | null;

  @Field(() => Int, { description: "Words in the story (or the summary when no story)." })
  wordCount: number;

  @Field(() => Int, { description: "Estimated minutes to read the story." })
  readingTimeMinutes: number;

  @Field(() => [EnclosureType], { description: "Media files attached to the story." })
  enclosures: EnclosureType[];
}

/** The GraphQL view of a stored article (dates as Date, derived fields filled). */
export function toArticleType(a: Article): ArticleType {
  return Object.assign(new ArticleType(), {
    ...a,
    publishedAt: new Date(a.publishedAt),
    updatedAt: a.updatedAt === null ? null : new Date(a.updatedAt),
    ingestedAt: new Date(a.ingestedAt),
    readingTimeMinutes: readingTimeMinutes(a.wordCount),
  });
}
