import { Max, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { PopularityWindowEnum } from "./popularity-window.enum";
import { TagOrder } from "./tag-order.enum";

@ArgsType()
export class TagsArgs {
  @Field(() => Int, { defaultValue: 50, description: "How many tags (1 to 500)." })
  @Min(1)
  @Max(500)
  first: number;

  @Field(() => TagOrder, { defaultValue: TagOrder.COUNT, description: "Most used, or trending." })
  orderBy: TagOrder;

  @Field(() => PopularityWindowEnum, {
    defaultValue: PopularityWindowEnum.DAY,
    description: "For TRENDING: the window compared with the one before it.",
  })
  window: PopularityWindowEnum;
}
