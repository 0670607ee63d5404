import { Field, ID, Int, ObjectType } from "type-graphql";
import { connectionType } from "./connection.type";

@ObjectType("Story", {
  simpleResolvers: true,
  description: "One event reported by several sources: their articles, clustered at ingest.",
})
export class StoryType {
  @Field(() => ID, { description: "The cluster's id." })
  id: string;

  @Field({ description: "The headline of its first report." })
  headline: string;

  @Field(() => Int, { description: "How many sources reported it." })
  sourceCount: number;

  @Field(() => Date, { description: "When its first report was published." })
  firstSeenAt: Date;

  @Field(() => Date, { description: "When its latest report was published." })
  lastUpdatedAt: Date;

  /** Its articles' ids, first published first (paged by Story.articles). */
  articleIds: string[];
}

export const StoryConnectionType = connectionType(StoryType, {
  name: "Story",
  noun: "story",
  plural: "stories",
  order: "latest first",
  total: "Stories in the window, across all pages.",
});

export type StoryConnectionType = InstanceType<typeof StoryConnectionType>;
