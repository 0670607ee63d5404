import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, Length, Max, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { INTERVAL_BOUNDS_SECONDS } from "../src/domain/source-schedule";

@InputType("UpdateSourceInput", { description: "What changes on a source; absent fields stay." })
export class UpdateSourceInput {
  @Field(() => String, { nullable: true, description: "New display name." })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => Int, {
    nullable: true,
    description: "Poll every this many seconds (drops a schedule).",
  })
  @IsOptional()
  @IsInt()
  @Min(INTERVAL_BOUNDS_SECONDS.min)
  @Max(INTERVAL_BOUNDS_SECONDS.max)
  intervalSeconds?: number;

  @Field(() => String, {
    nullable: true,
    description: "Poll on this cron expression (UTC; drops an interval).",
  })
  @IsOptional()
  @Length(1, 200)
  schedule?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "True: poll at the source's own publishing pace (drops interval and schedule).",
  })
  @IsOptional()
  @IsBoolean()
  adaptive?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Fetch story pages of teaser-only items." })
  @IsOptional()
  @IsBoolean()
  fullText?: boolean;

  @Field(() => [String], { nullable: true, description: "The source's own categories." })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 100, { each: true })
  tags?: string[];
}
