import { Field, ID, Int, ObjectType } from "type-graphql";
import type { IngestReport } from "../src/ingest/ingest-report";

@ObjectType("IngestReport", {
  simpleResolvers: true,
  description: "What one fetch of one source did.",
})
export class IngestReportType {
  @Field(() => ID, { description: "The source fetched." })
  sourceId: string;

  @Field({ description: "Whether the fetch and the parse succeeded." })
  ok: boolean;

  @Field({
    description: "HTTP status (`200`, `304`), `file`, or why it failed (`timeout`, `parse`).",
  })
  status: string;

  @Field(() => Int, { description: "Articles read from the document." })
  items: number;

  @Field(() => Int, { description: "New articles stored." })
  inserted: number;

  @Field(() => Int, { description: "Stored articles that changed." })
  updated: number;

  @Field(() => Int, { description: "Articles that were stored already, unchanged." })
  unchanged: number;

  @Field(() => Int, { description: "How long the fetch took, in milliseconds." })
  durationMs: number;

  @Field(() => String, { nullable: true, description: "What went wrong, when it did." })
  error: string | null;
}

/** The GraphQL view of an ingest report. */
export function toIngestReportType(report: IngestReport): IngestReportType {
  return Object.assign(new IngestReportType(), report);
}
