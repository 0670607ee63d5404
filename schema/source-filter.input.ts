import { ArrayMaxSize, IsOptional, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { SourceKind } from "./source-kind.enum";

@InputType("SourceFilter", {
  description: "Narrows the list of sources; every given field must match.",
})
export class SourceFilterInput {
  @Field(() => [SourceKind], { nullable: true, description: "Only sources of these formats." })
  @IsOptional()
  @ArrayMaxSize(10)
  kinds?: SourceKind[];

  @Field(() => Boolean, {
    nullable: true,
    description: "True: only sources whose last fetch failed; false: only the others.",
  })
  @IsOptional()
  failing?: boolean;

  @Field(() => [String], {
    nullable: true,
    description: "Only sources declared with any of these categories (as in OPML).",
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(200, { each: true })
  tags?: string[];
}
