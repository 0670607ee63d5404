import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("Tag", { description: "A tag across all articles, with how many carry it." })
export class TagType {
  @Field({ description: "Stable lower-case key, e.g. `data-privacy`." })
  slug: string;

  @Field({ description: "Display name, e.g. `Data Privacy`." })
  name: string;

  @Field(() => Int, { description: "Number of stored articles with this tag." })
  articleCount: number;
}
