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

  @Field(() => String, {
    nullable: true,
    description: "Cursor to go back from (`startCursor`): the page just before it.",
  })
  @IsOptional()
  @MaxLength(512)
  before?: string;

  @Field(() => Int, {
    nullable: true,
    description: `With before: page size, 1 to ${MAX_PAGE_SIZE} (\`first\` otherwise).`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  last?: number;
}
