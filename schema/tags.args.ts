import { ArgsType, Field } from "type-graphql";
import { PageArgs } from "./page.args";
import { PopularityWindowEnum } from "./popularity-window.enum";
import { TagOrder } from "./tag-order.enum";

@ArgsType()
export class TagsArgs extends PageArgs {
  @Field(() => TagOrder, { defaultValue: TagOrder.COUNT, description: "Most used, or trending." })
  orderBy: TagOrder;

  @Field(() => PopularityWindowEnum, {
    defaultValue: PopularityWindowEnum.DAY,
    description: "For TRENDING: the window compared with the one before it.",
  })
  window: PopularityWindowEnum;
}
