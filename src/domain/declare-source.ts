import type { SourceDefinition, SourceKind } from "./source";
import { SOURCE_ID_PATTERN, deriveSourceId, uniqueSourceId } from "./source-id";
import { INTERVAL_BOUNDS_SECONDS } from "./source-schedule";
import { SourceInputError, parseSourceUrl, sourceUrlKey } from "./source-url";

const KINDS: readonly SourceKind[] = ["rss", "atom", "json", "html"];

/** What the command line may say about a new source; only the URL is required. */
export interface SourceInput {
  url: string;
  id?: string;
  name?: string;
  kind?: string;
  intervalSeconds?: string;
}

/** The sources a new one must not clash with: declared ones, and ids reserved by removed ones. */
export interface KnownSources {
  sources: readonly { id: string; url: string }[];
  reservedIds: ReadonlySet<string>;
}

/**
 * Returns the definition of a source declared from the command line: http(s) URL, a free id
 * (given, or derived from the name or host), kind `rss` by default, and polled at its own
 * publishing pace (adaptive) unless an interval is given, as in the config file.
 * Throws SourceInputError (one line) on invalid input or a URL or id already in use.
 */
export function declareSource(input: SourceInput, known: KnownSources): SourceDefinition {
  const url = parseSourceUrl(input.url);
  const sameUrl = known.sources.find((s) => sourceUrlKey(s.url) === sourceUrlKey(url));
  if (sameUrl) throw new SourceInputError(`source "${sameUrl.id}" already has the URL ${url}`);
  const name = (input.name ?? "").replace(/\s+/g, " ").trim() || new URL(url).hostname;
  if (name.length > 200) throw new SourceInputError("name: at most 200 characters");
  return {
    id: chooseId(input.id, name, url, known),
    name,
    url,
    kind: parseKind(input.kind),
    intervalSeconds: parseInterval(input.intervalSeconds),
  };
}

function chooseId(given: string | undefined, name: string, url: string, known: KnownSources) {
  const taken = new Set([...known.reservedIds, ...known.sources.map((s) => s.id)]);
  if (given === undefined) return uniqueSourceId(deriveSourceId(name, url), taken);
  if (!SOURCE_ID_PATTERN.test(given)) {
    throw new SourceInputError(`id: "${given}" must be a lower-case slug (a-z, 0-9, -)`);
  }
  if (known.reservedIds.has(given)) {
    throw new SourceInputError(`id "${given}" belongs to a removed source that keeps its articles`);
  }
  if (taken.has(given)) throw new SourceInputError(`id "${given}" is already a source`);
  return given;
}

function parseKind(kind: string | undefined): SourceKind {
  if (kind === undefined) return "rss";
  const found = KINDS.find((k) => k === kind);
  if (!found) throw new SourceInputError(`kind: "${kind}" is not one of ${KINDS.join(", ")}`);
  return found;
}

function parseInterval(text: string | undefined): number | null {
  if (text === undefined) return null;
  const seconds = /^\d+$/.test(text) ? Number(text) : NaN;
  const { min, max } = INTERVAL_BOUNDS_SECONDS;
  if (!(seconds >= min && seconds <= max)) {
    throw new SourceInputError("interval: must be a whole number of seconds from 60 to 86400");
  }
  return seconds;
}
