import { Field, ID, Int, ObjectType } from "type-graphql";
import type { Source } from "../src/domain/source";
import { SourceHealthType } from "./source-health.type";
import { SourceKind } from "./source-kind.enum";

@ObjectType("Source", { description: "A feed or news page that newsgate ingests." })
export class SourceType {
  @Field(() => ID, { description: "Operator-chosen slug, e.g. `world-news`." })
  id: string;

  @Field({ description: "Display name." })
  name: string;

  @Field({ description: "The feed or page URL that is fetched." })
  url: string;

  @Field(() => SourceKind, { description: "The format it is read as." })
  kind: SourceKind;

  @Field(() => String, { nullable: true, description: "The site's home page, from the feed." })
  siteUrl: string | null;

  @Field(() => String, { nullable: true, description: "The feed's language, e.g. `en`." })
  language: string | null;

  @Field(() => Int, { description: "Seconds between polls." })
  intervalSeconds: number;

  @Field(() => SourceHealthType, { description: "Fetch status and failure history." })
  health: SourceHealthType;
}

function healthStatus(s: Source): string {
  if (s.lastFetchedAt === null) return "pending";
  return s.consecutiveFailures > 0 ? "failing" : "ok";
}

const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));

/** The GraphQL view of a stored source, with its health. */
export function toSourceType(s: Source): SourceType {
  return Object.assign(new SourceType(), {
    id: s.id,
    name: s.name,
    url: s.url,
    kind: s.kind as SourceKind,
    siteUrl: s.siteUrl,
    language: s.language,
    intervalSeconds: s.intervalSeconds,
    health: Object.assign(new SourceHealthType(), {
      status: healthStatus(s),
      lastStatus: s.lastStatus,
      lastError: s.lastError,
      lastFetchedAt: toDate(s.lastFetchedAt),
      lastSuccessAt: toDate(s.lastSuccessAt),
      nextCheckAt: new Date(s.nextCheckAt),
      consecutiveFailures: s.consecutiveFailures,
    }),
  });
}
