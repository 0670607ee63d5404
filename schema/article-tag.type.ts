import { Field, ObjectType } from "type-graphql";
import { TagOrigin } from "./tag-origin.enum";

@ObjectType("ArticleTag", {
  simpleResolvers: true,
  description: "A tag on one article, with where it came from.",
})
export class ArticleTagType {
  @Field({ description: "Stable lower-case key, e.g. `data-privacy`." })
  slug: string;

  @Field({ description: "Display name as the source wrote it, e.g. `Data Privacy`." })
  name: string;

  @Field(() => TagOrigin, { description: "Where the tag came from." })
  origin: TagOrigin;
}
