import { GraphQLError } from "graphql";
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { SourceInputError, SourceNotFoundError } from "../src/domain/source-url";
import { FetchError } from "../src/fetch/fetch-error";
import { FeedNotFoundError } from "../src/ingest/find-feed";
import { OpmlParseError, parseOpml } from "../src/opml/parse-opml";
import type { SourceAdmin } from "../src/ingest/source-admin";
import { STORE_UNAVAILABLE_STATUS } from "../src/ingest/ingest-report";
import { storeUnavailableError } from "../src/server/store-unavailable";
import type { GatewayContext } from "../src/server/context";
import { AddSourceInput } from "../schema/add-source.input";
import { IngestReportType, toIngestReportType } from "../schema/ingest-report.type";
import { OpmlImportType } from "../schema/opml-import.type";
import { SourceType, toSourceType } from "../schema/source.type";
import { UpdateSourceInput } from "../schema/update-source.input";

// What a client got wrong (a URL in use, no feed found, an unreadable list): said as it is.
const CLIENT_ERRORS = [SourceInputError, FeedNotFoundError, FetchError, OpmlParseError];

@Resolver()
export class SourceAdminResolver {
  @Authorized()
  @Mutation(() => SourceType, {
    description: "Adds a source (finding the feed behind a page URL). Needs an API key.",
  })
  async addSource(
    @Arg("input", () => AddSourceInput, { description: "The source to add." })
    input: AddSourceInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<SourceType> {
    const { source } = await run(ctx, (admin) =>
      admin.add({ ...input, intervalSeconds: input.intervalSeconds?.toString() }),
    );
    return reread(ctx, source.id);
  }

  @Authorized()
  @Mutation(() => SourceType, { description: "Changes a source's settings. Needs an API key." })
  async updateSource(
    @Arg("id", () => ID, { description: "The source to change." }) id: string,
    @Arg("input", () => UpdateSourceInput, { description: "What changes." })
    input: UpdateSourceInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<SourceType> {
    return toSourceType(await run(ctx, (admin) => admin.update(id, input)));
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description:
      "Stops fetching a source; its articles stay. False when there is none. Needs an API key.",
  })
  async removeSource(
    @Arg("id", () => ID, { description: "The source to remove." }) id: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<boolean> {
    return run(ctx, (admin) => admin.remove(id));
  }

  @Authorized()
  @Mutation(() => IngestReportType, {
    description:
      "Fetches a source now, whatever its schedule, and says what it did. Needs an API key.",
  })
  async refreshSource(
    @Arg("id", () => ID, { description: "The source to fetch." }) id: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<IngestReportType> {
    const report = await run(ctx, (admin) => admin.refresh(id));
    // Nothing of it was kept: the client retries, as the scheduler will.
    if (report.status === STORE_UNAVAILABLE_STATUS) throw storeUnavailableError();
    return toIngestReportType(report);
  }

  @Authorized()
  @Mutation(() => OpmlImportType, {
    description:
      "Adds the feeds of an OPML 1.0/2.0 list; present ones are skipped. Needs an API key.",
  })
  async importOpml(
    @Arg("opml", { description: "The OPML document's text." }) opml: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<OpmlImportType> {
    const plan = await run(ctx, (admin) => admin.importOpml(parseOpml(opml), { dryRun: false }));
    const added = await ctx.store.getSources(plan.add.map((d) => d.id));
    return { added: added.map(toSourceType), skipped: plan.skipped };
  }
}

async function run<T>(ctx: GatewayContext, work: (admin: SourceAdmin) => Promise<T>): Promise<T> {
  if (ctx.sources === null) throw new GraphQLError("source administration is not available here");
  try {
    return await work(ctx.sources);
  } catch (error) {
    if (error instanceof SourceNotFoundError) {
      throw new GraphQLError(error.message, { extensions: { code: "NOT_FOUND" } });
    }
    if (CLIENT_ERRORS.some((E) => error instanceof E)) {
      throw new GraphQLError((error as Error).message, { extensions: { code: "BAD_USER_INPUT" } });
    }
    throw error;
  } finally {
    // Sources held in memory and responses showing them are read afresh after any change.
    ctx.sourceViews.invalidate();
    await ctx.generations.bump("sources");
  }
}

async function reread(ctx: GatewayContext, id: string): Promise<SourceType> {
  const [source] = await ctx.store.getSources([id]);
  return toSourceType(source);
}
