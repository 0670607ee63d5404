import { IsOptional, ValidateNested } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { PageArgs } from "./page.args";
import { SourceFilterInput } from "./source-filter.input";

@ArgsType()
export class SourcesArgs extends PageArgs {
  @Field(() => SourceFilterInput, { nullable: true, description: "Which sources to include." })
  @IsOptional()
  @ValidateNested()
  filter?: SourceFilterInput;
}
