import { Field, ID, Int, ObjectType } from "type-graphql";
import type { Enclosure, Tag } from "../src/domain/article";
import { ArticleTagType } from "./article-tag.type";
import { EnclosureType } from "./enclosure.type";

/**
 * The Article type. Its values are ArticleCards (src/domain/article-card) as the read path holds
 * them (no copy per request): timestamps are epoch ms, which the DateTimeISO scalar writes as ISO-8601; the story's
 * text and the linked objects are field resolvers (ArticleResolver).
 */
@ObjectType("Article", {
  simpleResolvers: true,
  description: "A normalized news article from one source.",
})
export class ArticleType {
  @Field(() => ID, { description: "Stable id: a hash of the source and guid, else of the URL." })
  id: string;

  /** Carried for the source field resolver; not a GraphQL field. */
  sourceId: string;

  /** Carried for the story field resolver; not a GraphQL field. */
  clusterId: string | null;

  @Field(() => String, { nullable: true, description: "The source's own id for the item." })
  guid: string | null;

  @Field({ description: "Canonical absolute URL of the story (tracking parameters removed)." })
  url: string;

  @Field({ description: "Headline as plain text." })
  title: string;

  @Field(() => String, { nullable: true, description: "Plain-text teaser, at most ~300 chars." })
  summary: string | null;

  @Field(() => String, { nullable: true, description: "Author as the source names them." })
  author: string | null;

  @Field(() => Date, { description: "When the story was published (UTC)." })
  publishedAt: number;

  @Field(() => Date, { nullable: true, description: "When the source last updated the story." })
  updatedAt: number | null;

  @Field(() => Date, { description: "When newsgate first stored the story." })
  ingestedAt: number;

  @Field(() => String, { nullable: true, description: "Language code, e.g. `en`." })
  language: string | null;

  @Field(() => String, { nullable: true, description: "Lead image URL." })
  imageUrl: string | null;

  @Field(() => Int, { description: "Words in the story (or the summary when no story)." })
  wordCount: number;

  @Field(() => Int, { description: "Estimated minutes to read the story." })
  readingTimeMinutes: number;

  @Field(() => [EnclosureType], { description: "Media files attached to the story." })
  enclosures: Enclosure[];

  // Stored origins are the TagOrigin enum's values: the card's tags serve as they are.
  @Field(() => [ArticleTagType], { description: "Tags, each with where it came from." })
  tags: Tag[];
}
