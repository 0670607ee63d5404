import { parseArgs } from "node:util";
import type { Config } from "../config";
import type { SourceInput } from "../domain/declare-source";
import type { SourceDefinition } from "../domain/source";
import { SourceInputError } from "../domain/source-url";
import { FetchError } from "../fetch/fetch-error";
import { FeedNotFoundError } from "../ingest/find-feed";
import { withSourceAdmin, withStore } from "../main";
import { formatSourcesTable } from "./format-sources-table";

type Io = { out: (s: string) => void; err: (s: string) => void };

/** `newsgate sources list|add|remove`: the sources kept in the store; errors exit 1, usage 2. */
export async function runSourcesCommand(argv: string[], config: Config, io: Io): Promise<number> {
  const [action, ...rest] = argv;
  switch (action) {
    case "list":
      return listSources(rest, config, io);
    case "add":
      return addSource(rest, config, io);
    case "remove":
      return removeSource(rest, config, io);
    default:
      io.err("newsgate sources: give list, add URL [options] or remove ID");
      return 2;
  }
}

async function listSources(argv: string[], config: Config, io: Io): Promise<number> {
  parseArgs({ args: argv, options: {} });
  const sources = await withStore(config, (store) => store.listSources());
  for (const line of formatSourcesTable(sources, Date.now())) io.out(line);
  return 0;
}

async function addSource(argv: string[], config: Config, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      id: { type: "string" },
      name: { type: "string" },
      kind: { type: "string" },
      interval: { type: "string" },
      "no-discover": { type: "boolean", default: false },
    },
  });
  if (positionals.length !== 1) {
    io.err("newsgate sources add: give exactly one URL");
    return 2;
  }
  const given: SourceInput = {
    url: positionals[0],
    id: values.id,
    name: values.name,
    kind: values.kind,
    intervalSeconds: values.interval,
  };
  try {
    const { source: added, found } = await withSourceAdmin(config, (admin) =>
      admin.add({ ...given, discover: !values["no-discover"] }),
    );
    if (found !== null) io.out(`found ${found.kind} feed ${found.url} (${FOUND_VIA[found.via]})`);
    io.out(`added source "${added.id}" (${describe(added)}): ${added.url}`);
    return 0;
  } catch (err) {
    const known = [SourceInputError, FeedNotFoundError, FetchError].some((E) => err instanceof E);
    if (!known) throw err;
    io.err(`newsgate sources add: ${(err as Error).message}`);
    return 1;
  }
}

const FOUND_VIA = {
  direct: "the URL is a feed",
  link: 'the page links it with <link rel="alternate">',
  "common-path": "found at a common feed path",
};

async function removeSource(argv: string[], config: Config, io: Io): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  if (positionals.length !== 1) {
    io.err("newsgate sources remove: give exactly one ID");
    return 2;
  }
  const id = positionals[0];
  if (config.sources.some((s) => s.id === id)) {
    io.err(
      `newsgate sources remove: "${id}" is declared in ${config.sourcesFile}; ` +
        "delete it there first, or it comes back at the next start",
    );
    return 1;
  }
  const articles = await withStore(config, async (store) => {
    if (!(await store.removeSource(id))) return null;
    return (await store.listLatest({ filter: { sourceIds: [id] }, first: 1 })).totalCount;
  });
  if (articles === null) {
    io.err(`newsgate sources remove: no source "${id}"`);
    return 1;
  }
  io.out(`removed source "${id}"; its ${articles} articles are kept`);
  return 0;
}

function describe(def: SourceDefinition): string {
  if (def.intervalSeconds != null) return `${def.kind}, every ${def.intervalSeconds}s`;
  if (def.schedule != null) return `${def.kind}, on "${def.schedule}"`;
  return `${def.kind}, at its own pace`;
}
