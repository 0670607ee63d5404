import { ArrayMaxSize, IsOptional, Length, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";

@InputType("HeadlineFilter", {
  description: "Narrows a list of articles; every given field must match.",
})
export class HeadlineFilterInput {
  @Field(() => [ID], { nullable: true, description: "Only these sources (any of them)." })
  @IsOptional()
  @ArrayMaxSize(100)
  sources?: string[];

  @Field(() => [String], {
    nullable: true,
    description: "Only articles with any of these tag slugs.",
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(/^[a-z0-9-]{1,64}$/, {
    each: true,
    message: "tags must be tag slugs such as data-privacy",
  })
  tags?: string[];

  @Field(() => [String], {
    nullable: true,
    description: "Only articles with every one of these tag slugs.",
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9-]{1,64}$/, {
    each: true,
    message: "allTags must be tag slugs such as data-privacy",
  })
  allTags?: string[];

  @Field(() => Boolean, {
    nullable: true,
    description: "True: only whole stories (150 words or more); false: only teasers.",
  })
  @IsOptional()
  hasFullText?: boolean;

  @Field(() => [ID], { nullable: true, description: "Leave these articles out." })
  @IsOptional()
  @ArrayMaxSize(500)
  excludeIds?: string[];

  @Field(() => String, {
    nullable: true,
    description: "Only articles in this language: `en-GB` exactly, `en` with its regional forms.",
  })
  @IsOptional()
  @Length(2, 16)
  language?: string;

  @Field(() => Date, { nullable: true, description: "Published at or after this instant." })
  @IsOptional()
  since?: Date;

  @Field(() => Date, { nullable: true, description: "Published before this instant." })
  @IsOptional()
  until?: Date;
}
