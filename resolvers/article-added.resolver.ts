import { matchesLanguage, normalizeLanguage } from "../src/domain/language-tag";
import { IsOptional, Length, ValidateNested } from "class-validator";
import {
  Args,
  ArgsType,
  Ctx,
  Field,
  ID,
  InputType,
  Resolver,
  Root,
  Subscription,
} from "type-graphql";
import type { Article } from "../src/domain/article";
import { matchesSearch, parseSearchQuery } from "../src/domain/search-query";
import { ARTICLE_ADDED, type ArticleAddedEvent } from "../src/server/article-events";
import type { GatewayContext } from "../src/server/context";
import { ArticleType } from "../schema/article.type";
import { type ArticleCard, toArticleCard } from "../src/domain/article-card";

@InputType("ArticleAddedFilter", { description: "Which new articles a subscriber hears of." })
export class ArticleAddedFilterInput {
  @Field(() => [ID], { nullable: true, description: "Only from these sources." })
  @IsOptional()
  sources?: string[];

  @Field(() => [String], { nullable: true, description: "Only with any of these tag slugs." })
  @IsOptional()
  tags?: string[];

  @Field(() => String, {
    nullable: true,
    description: "Only in this language: `en-GB` exactly, `en` with its regional forms.",
  })
  @IsOptional()
  @Length(2, 16)
  language?: string;

  @Field(() => String, {
    nullable: true,
    description: "Only those whose headline or teaser matches this search (see `search`).",
  })
  @IsOptional()
  @Length(1, 500)
  query?: string;
}

@ArgsType()
export class ArticleAddedArgs {
  @Field(() => ArticleAddedFilterInput, { nullable: true, description: "What to hear of." })
  @IsOptional()
  @ValidateNested()
  filter?: ArticleAddedFilterInput;
}

@Resolver()
export class ArticleAddedResolver {
  @Subscription(() => ArticleType, {
    topics: ARTICLE_ADDED,
    filter: ({ payload, args }: { payload: ArticleAddedEvent; args: ArticleAddedArgs }) =>
      matchesFilter(payload, args.filter),
    description: "Each new article as it is stored (from any instance or worker), filtered here.",
  })
  async articleAdded(
    @Root() event: ArticleAddedEvent,
    @Args() _args: ArticleAddedArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<ArticleCard> {
    return (await ctx.loaders.card.load(event.id)) ?? toArticleCard(stub(event));
  }
}

/** Returns true when the event passes the subscriber's filter (every given field must match). */
export function matchesFilter(event: ArticleAddedEvent, filter?: ArticleAddedFilterInput): boolean {
  if (filter === undefined) return true;
  if (filter.sources && !filter.sources.includes(event.sourceId)) return false;
  if (filter.tags && !filter.tags.some((t) => event.tags.includes(t))) return false;
  if (filter.language && !matchesLanguage(normalizeLanguage(filter.language) ?? "", event.language))
    return false;
  if (filter.query) {
    try {
      return matchesSearch(parseSearchQuery(filter.query), `${event.title} ${event.summary ?? ""}`);
    } catch {
      return false;
    }
  }
  return true;
}

// An article removed between the event and the read is still announced, with what is known.
function stub(event: ArticleAddedEvent): Article {
  const now = Date.now();
  return {
    id: event.id,
    sourceId: event.sourceId,
    guid: null,
    url: "",
    title: event.title,
    summary: event.summary,
    contentHtml: null,
    contentText: null,
    author: null,
    publishedAt: now,
    updatedAt: null,
    ingestedAt: now,
    language: event.language,
    imageUrl: null,
    wordCount: 0,
    enclosures: [],
    tags: [],
    route: "feed",
  };
}
