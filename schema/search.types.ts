import { IsOptional, Length, ValidateNested } from "class-validator";
import { ArgsType, Field, Float, Int, ObjectType } from "type-graphql";
import { ArticleType } from "./article.type";
import { HeadlineFilterInput } from "./headline-filter.input";
import { PageArgs } from "./page.args";
import { PageInfoType } from "./page-info.type";

@ArgsType()
export class SearchArgs extends PageArgs {
  @Field({
    description:
      'What to look for: words (all required), "a phrase", word* (prefix), OR between alternatives, NOT word or -word to exclude.',
  })
  @Length(1, 500)
  query: string;

  @Field(() => HeadlineFilterInput, { nullable: true, description: "Which articles to search." })
  @IsOptional()
  @ValidateNested()
  filter?: HeadlineFilterInput;
}

@ObjectType("SearchHit", {
  simpleResolvers: true,
  description: "One article that matches a search, with why.",
})
export class SearchHitType {
  @Field({ description: "Opaque position of this hit; pass as `after`." })
  cursor: string;

  @Field(() => Float, { description: "Relevance: higher is better (title words count most)." })
  score: number;

  @Field(() => String, {
    nullable: true,
    description: "A passage of the story with the matched words in <mark>, as safe HTML.",
  })
  snippet: string | null;

  @Field(() => ArticleType, { description: "The article." })
  node: ArticleType;
}

@ObjectType("SearchConnection", {
  simpleResolvers: true,
  description: "A page of search hits, most relevant first.",
})
export class SearchConnectionType {
  @Field(() => [SearchHitType], { description: "This page's hits, most relevant first." })
  edges: SearchHitType[];

  @Field(() => PageInfoType, { description: "Where this page is, and how to get the next." })
  pageInfo: PageInfoType;

  @Field(() => Int, {
    description:
      "Articles matching the search and filter, counted up to 1,000 (a common word costs no " +
      "more than a rare one; see totalCountCapped). Pages run through the best 1,000 matches: " +
      "on SQLite the most relevant of all, on PostgreSQL the newest 1,000, most relevant first.",
  })
  totalCount: number;

  @Field({ description: "True when more articles match than totalCount counted (over 1,000)." })
  totalCountCapped: boolean;
}
