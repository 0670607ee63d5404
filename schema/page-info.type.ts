import { Field, ObjectType } from "type-graphql";

@ObjectType("PageInfo", {
  simpleResolvers: true,
  description: "Relay pagination state of a connection.",
})
export class PageInfoType {
  @Field({ description: "Whether more items follow `endCursor`." })
  hasNextPage: boolean;

  @Field({ description: "Whether items precede `startCursor` (true when `after` was given)." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first edge." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge; pass as `after`." })
  endCursor: string | null;
}
