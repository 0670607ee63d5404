import { IsOptional, ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { HeadlineFilterInput } from "./headline-filter.input";
import { HeadlineOrder } from "./headline-order.enum";
import { PageArgs } from "./page.args";

@ArgsType()
export class HeadlinesArgs extends PageArgs {
  @Field(() => HeadlineFilterInput, { nullable: true, description: "Which articles to include." })
  @IsOptional()
  @ValidateNested()
  filter?: HeadlineFilterInput;

  @Field(() => HeadlineOrder, { defaultValue: HeadlineOrder.LATEST, description: "Sort order." })
  orderBy: HeadlineOrder;
}
