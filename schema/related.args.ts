import { Max, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { MAX_RELATED_ARTICLES } from "../src/server/loaders";

@ArgsType()
export class RelatedArgs {
  @Field(() => Int, {
    defaultValue: 5,
    description: `How many, 1 to ${MAX_RELATED_ARTICLES}.`,
  })
  @Min(1)
  @Max(MAX_RELATED_ARTICLES)
  first: number;
}
