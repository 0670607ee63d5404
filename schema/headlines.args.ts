import { IsOptional, ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { HeadlineFilterInput } from "./headline-filter.input";
import { HeadlineOrder } from "./headline-order.enum";
import { PageArgs } from "./page.args";
import { PopularityWindowEnum } from "./popularity-window.enum";

@ArgsType()
export class HeadlinesArgs extends PageArgs {
  @Field(() => HeadlineFilterInput, { nullable: true, description: "Which articles to include." })
  @IsOptional()
  @ValidateNested()
  filter?: HeadlineFilterInput;

  @Field(() => HeadlineOrder, { defaultValue: HeadlineOrder.LATEST, description: "Sort order." })
  orderBy: HeadlineOrder;

  @Field(() => PopularityWindowEnum, {
    defaultValue: PopularityWindowEnum.DAY,
    description: "For POPULAR: the span views are counted in.",
  })
  window: PopularityWindowEnum;
}
