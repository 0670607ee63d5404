import { type SourceInput, declareSource } from "../domain/declare-source";
import { describeCronProblem } from "../domain/cron-schedule";
import type { Source, SourceDefinition } from "../domain/source";
import { INTERVAL_BOUNDS_SECONDS } from "../domain/source-schedule";
import { SourceInputError, SourceNotFoundError, parseSourceUrl } from "../domain/source-url";
import type { Store } from "../store/store";
import type { FoundFeed } from "./find-feed";
import type { IngestReport } from "./ingest-report";
import type { OpmlDocument } from "../opml/parse-opml";
import { planAroundRemoved } from "./plan-around-removed";
import { type OpmlImportPlan, planOpmlImport } from "../opml/plan-opml-import";
import { declareSources } from "./replan-sources";

/** What managing sources needs: the store, feed discovery, one ingest, and the config's ids. */
export interface SourceAdminDeps {
  store: Store;
  /** Finds the feed behind a page or feed URL through the guarded fetcher. */
  findFeed: (url: string) => Promise<FoundFeed>;
  ingest: (source: Source) => Promise<IngestReport>;
  /** Ids declared in the config file: changed there, not here (the next start restores them). */
  configIds: ReadonlySet<string>;
  /** Throws for a URL the fetcher would refuse (scheme, private address), before it is kept. */
  guardUrl: (url: string) => void;
}

/** A new source as an API client or the command line describes it. */
export interface NewSource extends SourceInput {
  /** Look for the feed behind a page URL (not for html sources); true by default. */
  discover?: boolean;
  fullText?: boolean;
}

/** What may change on a declared source. */
export interface SourcePatch {
  name?: string;
  intervalSeconds?: number | null;
  schedule?: string | null;
  /** True: polled at its own publishing pace (no interval, no schedule). */
  adaptive?: boolean;
  fullText?: boolean;
  tags?: string[];
}

/** Adding, changing, removing and refreshing the sources kept in the store. */
export interface SourceAdmin {
  /** Declares a source (after discovery); returns it and the feed found, if a page led to one. */
  add(input: NewSource): Promise<{ source: SourceDefinition; found: FoundFeed | null }>;
  update(id: string, patch: SourcePatch): Promise<Source>;
  /** Stops fetching it (its articles stay); false when there is no such source. */
  remove(id: string): Promise<boolean>;
  /** Fetches it now, whatever its schedule, and returns what the ingest did. */
  refresh(id: string): Promise<IngestReport>;
  /** Adds an OPML list's feeds (skipping those already present); a dry run only plans. */
  importOpml(doc: OpmlDocument, opts: { dryRun: boolean }): Promise<OpmlImportPlan>;
}

/** Creates the source administration over its deps. */
export function createSourceAdmin(deps: SourceAdminDeps): SourceAdmin {
  const declared = async (id: string): Promise<Source> => {
    const [source] = await deps.store.getSources([id]);
    if (!source || source.removedAt != null) throw new SourceNotFoundError(id);
    return source;
  };
  const notFromConfig = (id: string) => {
    if (deps.configIds.has(id)) {
      throw new SourceInputError(`source "${id}" is declared in the config file; change it there`);
    }
  };
  return {
    async add(input) {
      declareSource(input, { sources: [], reservedIds: new Set() });
      deps.guardUrl(parseSourceUrl(input.url));
      const discover = input.discover !== false && input.kind !== "html";
      const found = discover ? await deps.findFeed(parseSourceUrl(input.url)) : null;
      const given: SourceInput = found
        ? {
            ...input,
            url: found.url,
            kind: input.kind ?? found.kind,
            name: input.name ?? found.title ?? undefined,
          }
        : input;
      const sources = await deps.store.listSources();
      const source = await planAroundRemoved(
        deps.store,
        sources,
        (known) => ({ ...declareSource(given, known), fullText: input.fullText ?? false }),
        (d) => [d.id],
      );
      await deps.store.upsertSources([source]);
      return { source, found: found?.via === "direct" ? null : found };
    },
    async update(id, patch) {
      notFromConfig(id);
      checkPatch(patch);
      const current = await declared(id);
      const { adaptive, ...fields } = withoutUndefined(patch);
      const next: SourceDefinition = { ...current, ...fields };
      // One way of timing at a time: the one given replaces the others.
      if (patch.intervalSeconds != null || adaptive) next.schedule = null;
      if (patch.schedule != null || adaptive) next.intervalSeconds = null;
      await declareSources(deps.store, [next]);
      return declared(id);
    },
    async remove(id) {
      notFromConfig(id);
      return deps.store.removeSource(id);
    },
    async refresh(id) {
      return deps.ingest(await declared(id));
    },
    async importOpml(doc, { dryRun }) {
      const sources = await deps.store.listSources();
      const plan = await planAroundRemoved(
        deps.store,
        sources,
        (known) => planOpmlImport(doc, known),
        (p) => p.add.map((def) => def.id),
      );
      if (!dryRun && plan.add.length > 0) await deps.store.upsertSources(plan.add);
      return plan;
    },
  };
}

function checkPatch(patch: SourcePatch): void {
  const timings = [patch.intervalSeconds != null, patch.schedule != null, patch.adaptive === true];
  if (timings.filter(Boolean).length > 1) {
    throw new SourceInputError("schedule: give one of intervalSeconds, schedule or adaptive");
  }
  const problem = patch.schedule ? describeCronProblem(patch.schedule) : null;
  if (problem) throw new SourceInputError(`schedule: cron expression ${problem}`);
  const { min, max } = INTERVAL_BOUNDS_SECONDS;
  const interval = patch.intervalSeconds;
  if (interval != null && (!Number.isInteger(interval) || interval < min || interval > max)) {
    throw new SourceInputError(`intervalSeconds: a whole number from ${min} to ${max}`);
  }
  if (patch.name !== undefined && (patch.name.trim() === "" || patch.name.length > 200)) {
    throw new SourceInputError("name: 1 to 200 characters");
  }
}

function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
