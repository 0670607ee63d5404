import { CacheHintFor } from "./cache-hint.decorator";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { connectionType } from "./connection.type";
import type { Source } from "../src/domain/source";
import { SourceHealthType, toSourceHealth } from "./source-health.type";
import { SourceKind } from "./source-kind.enum";

@CacheHintFor({ reads: ["sources"] })
@ObjectType("Source", {
  simpleResolvers: true,
  description: "A feed or news page that newsgate ingests.",
})
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

  @Field(() => Int, {
    nullable: true,
    description: "Seconds between polls; null when polled on a cron schedule or adaptively.",
  })
  intervalSeconds: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Cron expression (UTC) saying when to poll; null with an interval. With neither, the " +
      "source is polled adaptively, at the pace it publishes.",
  })
  schedule: string | null;

  @Field(() => [String], { description: "The source's categories, as declared (e.g. in OPML)." })
  tags: string[];

  @Field(() => SourceHealthType, { description: "Fetch status, failure history and next check." })
  health: SourceHealthType;
}

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
    schedule: s.schedule,
    tags: s.tags,
    health: toSourceHealth(s),
  });
}

export const SourceConnectionType = connectionType(SourceType, {
  name: "Source",
  noun: "source",
  plural: "sources",
  order: "by id",
  total: "Sources matching the filter, across all pages.",
});

export type SourceConnectionType = InstanceType<typeof SourceConnectionType>;
