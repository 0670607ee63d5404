import { Max, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";

@ArgsType()
export class TagsArgs {
  @Field(() => Int, { defaultValue: 50, description: "How many tags, most used first (1 to 500)." })
  @Min(1)
  @Max(500)
  first: number;
}
