import { IsBoolean, IsInt, IsOptional, IsUrl, Length, Matches, Max, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { SOURCE_ID_PATTERN } from "../src/domain/source-id";
import { INTERVAL_BOUNDS_SECONDS } from "../src/domain/source-schedule";
import { SourceKind } from "./source-kind.enum";

@InputType("AddSourceInput", { description: "A new source: a feed URL, or a page that links one." })
export class AddSourceInput {
  @Field({ description: "The feed's (or the site's, or the page's) http(s) URL." })
  @IsUrl({ protocols: ["http", "https"], require_protocol: true, require_tld: false })
  @Length(1, 2048)
  url: string;

  @Field(() => String, {
    nullable: true,
    description: "Display name; the feed's title by default (the host with discover: false).",
  })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => String, {
    nullable: true,
    description: "Id (a lower-case slug); from the name by default.",
  })
  @IsOptional()
  @Matches(SOURCE_ID_PATTERN, { message: "id must be a lower-case slug (a-z, 0-9, -)" })
  id?: string;

  @Field(() => SourceKind, {
    nullable: true,
    description: "Format; found from the content by default (RSS with discover: false).",
  })
  @IsOptional()
  kind?: SourceKind;

  @Field(() => Int, {
    nullable: true,
    description: "Poll interval in seconds; adaptive by default.",
  })
  @IsOptional()
  @IsInt()
  @Min(INTERVAL_BOUNDS_SECONDS.min)
  @Max(INTERVAL_BOUNDS_SECONDS.max)
  intervalSeconds?: number;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Fetch the URL first to find its feed, format and title (default true; never for html sources).",
  })
  @IsOptional()
  @IsBoolean()
  discover?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: "Fetch the story page of every new item whose feed gives only a teaser.",
  })
  @IsOptional()
  @IsBoolean()
  fullText?: boolean;
}
