import { Field, Float, Int, ObjectType } from "type-graphql";
import { connectionType } from "./connection.type";

@ObjectType("TagTrend", {
  simpleResolvers: true,
  description: "A tag's articles in a window against the window before.",
})
export class TagTrendType {
  @Field(() => Int, { description: "Articles published with the tag in the window." })
  current: number;

  @Field(() => Int, { description: "Articles published with it in the window before." })
  previous: number;

  @Field(() => Float, { description: "Growth: (current + 1) / (previous + 1)." })
  growth: number;
}

@ObjectType("Tag", {
  simpleResolvers: true,
  description: "A tag across all articles, with how many carry it.",
})
export class TagType {
  @Field({ description: "Stable lower-case key, e.g. `data-privacy`." })
  slug: string;

  @Field({ description: "Display name, e.g. `Data Privacy`." })
  name: string;

  @Field(() => Int, { description: "Number of stored articles with this tag." })
  articleCount: number;

  @Field(() => TagTrendType, {
    nullable: true,
    description: "Its trend, when ordered by TRENDING.",
  })
  trend?: TagTrendType | null;
}

export const TagConnectionType = connectionType(TagType, {
  name: "Tag",
  noun: "tag",
  plural: "tags",
  order: "most used or most trending first",
  total: "Tags in the list asked for, across all pages.",
});

export type TagConnectionType = InstanceType<typeof TagConnectionType>;
