import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("ArticlePopularity", { description: "What makes an article popular, as measured." })
export class ArticlePopularityType {
  @Field(() => Int, {
    nullable: true,
    description: "Rank in its source's own Most Popular list (1 = top); null when not listed.",
  })
  sourceRank: number | null;
}
