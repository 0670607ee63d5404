import { CacheHintFor } from "./cache-hint.decorator";
import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType("PopularityExplanation", {
  simpleResolvers: true,
  description: "The inputs of an article's hot score.",
})
export class PopularityExplanationType {
  @Field(() => Float, { description: "Views in the last 24 hours." })
  viewsLastDay: number;

  @Field(() => Int, { nullable: true, description: "Rank in its source's own popular list." })
  sourceRank: number | null;

  @Field(() => Int, { description: "Head start from that rank (50 for first, 5 for tenth)." })
  sourceRankBonus: number;

  @Field(() => Float, { description: "Hours since it was published." })
  ageHours: number;

  @Field(() => Float, { description: "How fast age wears popularity down." })
  gravity: number;

  @Field({ description: "How the score is computed from the inputs." })
  formula: string;
}

// Views are counted as they come (not only at the flush): shown at most half a minute late.
@CacheHintFor({ maxAge: 30, reads: ["views"] })
@ObjectType("ArticlePopularity", {
  simpleResolvers: true,
  description: "What makes an article popular, as measured.",
})
export class ArticlePopularityType {
  /** The article measured; not a GraphQL field. */
  articleId: string;

  /** When it was published (epoch ms), for its age; not a GraphQL field. */
  publishedAt: number;

  @Field(() => Int, {
    nullable: true,
    description: "Rank in its source's own Most Popular list (1 = top); null when not listed.",
  })
  sourceRank: number | null;
}
