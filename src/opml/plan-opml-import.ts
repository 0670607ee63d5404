import type { KnownSources } from "../domain/declare-source";
import type { SourceDefinition, SourceKind } from "../domain/source";
import { deriveSourceId, uniqueSourceId } from "../domain/source-id";
import { parseSourceUrl, sourceUrlKey } from "../domain/source-url";
import type { OpmlDocument, OpmlOutline } from "./parse-opml";

/** A feed an import leaves out, and why (`duplicate of source "x"`, `not an http(s) URL`). */
export interface SkippedFeed {
  title: string;
  url: string;
  reason: string;
}

/** What importing an OPML document would do. */
export interface OpmlImportPlan {
  /** The sources to add; `tags` are the outline's categories. */
  add: SourceDefinition[];
  skipped: SkippedFeed[];
}

/**
 * Plans an import: each feed becomes a source with an id slugged from its title or host (made
 * unique with `-2`, `-3`, ...), kind `atom` when its outline type says so, else `rss`; a feed
 * whose canonical URL is already a source, or was listed earlier in the file, is skipped.
 */
export function planOpmlImport(doc: OpmlDocument, known: KnownSources): OpmlImportPlan {
  const owners = new Map(
    known.sources.map((s) => [sourceUrlKey(s.url), `duplicate of source "${s.id}"`]),
  );
  const taken = new Set([...known.reservedIds, ...known.sources.map((s) => s.id)]);
  const plan: OpmlImportPlan = {
    add: [],
    skipped: doc.skipped.map((s) => ({ title: s.title, url: s.xmlUrl, reason: s.reason })),
  };
  for (const outline of doc.outlines) {
    const skip = (reason: string) =>
      plan.skipped.push({ title: outline.title, url: outline.xmlUrl, reason });
    let url: string;
    try {
      url = parseSourceUrl(outline.xmlUrl);
    } catch (err) {
      skip((err as Error).message);
      continue;
    }
    const duplicate = owners.get(sourceUrlKey(url));
    if (duplicate) {
      skip(duplicate);
      continue;
    }
    const definition = toDefinition(outline, url, taken);
    taken.add(definition.id);
    owners.set(sourceUrlKey(url), `listed twice in the file (as "${definition.id}")`);
    plan.add.push(definition);
  }
  return plan;
}

function toDefinition(
  outline: OpmlOutline,
  url: string,
  taken: ReadonlySet<string>,
): SourceDefinition {
  return {
    id: uniqueSourceId(deriveSourceId(outline.title, url), taken),
    name: outline.title.slice(0, 200),
    url,
    kind: kindOf(outline.type),
    // Polled at its own publishing pace, as a config-file source without an interval.
    intervalSeconds: null,
    tags: outline.categories,
  };
}

// Most readers write type="rss" for every feed; only an explicit atom or JSON Feed type says more.
function kindOf(type: string | null): SourceKind {
  const t = (type ?? "").toLowerCase();
  if (t === "atom") return "atom";
  if (t === "json" || t === "jsonfeed") return "json";
  return "rss";
}
