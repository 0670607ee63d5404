import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("SourceHealth", { description: "How fetching a source has gone lately." })
export class SourceHealthType {
  @Field({ description: "`ok`, `failing` (last fetch failed) or `pending` (never fetched)." })
  status: string;

  @Field(() => String, {
    nullable: true,
    description: "HTTP status or error class of the last fetch.",
  })
  lastStatus: string | null;

  @Field(() => String, { nullable: true, description: "Message of the last failure, if failing." })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: "When the source was last fetched." })
  lastFetchedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When a fetch last succeeded." })
  lastSuccessAt: Date | null;

  @Field(() => Date, { description: "When the source is next due." })
  nextCheckAt: Date;

  @Field(() => Int, { description: "Failures in a row (0 after a success)." })
  consecutiveFailures: number;
}
