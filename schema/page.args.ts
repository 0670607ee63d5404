import { IsOptional, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: "Cursor to continue after (`endCursor`)." })
  @IsOptional()
  @MaxLength(512)
  after?: string;
}
