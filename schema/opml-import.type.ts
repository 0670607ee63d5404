import { Field, ObjectType } from "type-graphql";
import { SourceType } from "./source.type";

@ObjectType("SkippedFeed", {
  simpleResolvers: true,
  description: "A feed of an OPML list that was not added, and why.",
})
export class SkippedFeedType {
  @Field({ description: "The outline's title." })
  title: string;

  @Field({ description: "The feed URL." })
  url: string;

  @Field({ description: "Why it was skipped (already a source, listed twice, not http(s))." })
  reason: string;
}

@ObjectType("OpmlImport", {
  simpleResolvers: true,
  description: "What importing an OPML subscription list did.",
})
export class OpmlImportType {
  @Field(() => [SourceType], { description: "The sources added (or that a dry run would add)." })
  added: SourceType[];

  @Field(() => [SkippedFeedType], { description: "The feeds skipped." })
  skipped: SkippedFeedType[];
}
