import { CacheHintFor } from "./cache-hint.decorator";
import { Field, Float, Int, ObjectType } from "type-graphql";
import type { Source } from "../src/domain/source";
import { NextCheckReason } from "./source-next-check-reason.enum";

// Fetches change it all the time; no generation is bumped for them.
@CacheHintFor({ maxAge: 15 })
@ObjectType("SourceHealth", {
  simpleResolvers: true,
  description: "How fetching a source has gone lately.",
})
export class SourceHealthType {
  @Field({ description: "`ok`, `failing` (last fetch failed) or `pending` (never fetched)." })
  status: string;

  @Field(() => String, {
    nullable: true,
    description: "HTTP status or error class of the last fetch (`200`, `304`, `file`, `timeout`).",
  })
  lastStatus: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "HTTP status code of the last fetch; null for files, timeouts and network errors.",
  })
  lastHttpStatus: number | null;

  @Field(() => String, { nullable: true, description: "Message of the last failure, if failing." })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: "When the source was last fetched." })
  lastFetchedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When a fetch last succeeded." })
  lastSuccessAt: Date | null;

  @Field(() => Date, { description: "When the source is next due." })
  nextCheckAt: Date;

  @Field(() => NextCheckReason, { description: "Why the next check is when it is." })
  nextCheckReason: NextCheckReason;

  @Field(() => Int, { description: "Failures in a row (0 after a success)." })
  consecutiveFailures: number;

  @Field(() => Int, {
    description: "Items in the last fetched document (a 304 keeps the previous count).",
  })
  itemsSeen: number;

  @Field(() => Int, { description: "Fetches made over the source's lifetime." })
  fetchCount: number;

  @Field(() => Int, { description: "Fetches answered 304 Not Modified over its lifetime." })
  notModifiedCount: number;

  @Field(() => Float, {
    nullable: true,
    description: "Share of fetches answered 304 Not Modified, 0 to 1; null before the first fetch.",
  })
  notModifiedShare: number | null;
}

function healthStatus(s: Source): string {
  if (s.lastFetchedAt === null) return "pending";
  return s.consecutiveFailures > 0 ? "failing" : "ok";
}

const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));

/** The GraphQL view of a stored source's fetch health. */
export function toSourceHealth(s: Source): SourceHealthType {
  return Object.assign(new SourceHealthType(), {
    status: healthStatus(s),
    lastStatus: s.lastStatus,
    lastHttpStatus: s.lastHttpStatus,
    lastError: s.lastError,
    lastFetchedAt: toDate(s.lastFetchedAt),
    lastSuccessAt: toDate(s.lastSuccessAt),
    nextCheckAt: new Date(s.nextCheckAt),
    nextCheckReason: s.nextCheckReason as NextCheckReason,
    consecutiveFailures: s.consecutiveFailures,
    itemsSeen: s.itemsSeen,
    fetchCount: s.fetchCount,
    notModifiedCount: s.notModifiedCount,
    notModifiedShare: s.fetchCount === 0 ? null : s.notModifiedCount / s.fetchCount,
  });
}
