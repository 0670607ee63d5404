import { readFileSync, statSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Config } from "../config";
import { MAX_OPML_CHARS, parseOpml, type OpmlDocument } from "../opml/parse-opml";
import type { OpmlImportPlan } from "../opml/plan-opml-import";
import { writeOpml } from "../opml/write-opml";
import { withSourceAdmin, withStore } from "../main";

type Io = { out: (s: string) => void; err: (s: string) => void };

/** The title of an exported subscription list. */
export const EXPORT_TITLE = "newsgate sources";

/** `newsgate opml import FILE [--dry-run]` / `newsgate opml export [--out FILE]`. */
export async function runOpmlCommand(argv: string[], config: Config, io: Io): Promise<number> {
  const [action, ...rest] = argv;
  if (action === "import") return importOpml(rest, config, io);
  if (action === "export") return exportOpml(rest, config, io);
  io.err("newsgate opml: give import FILE [--dry-run] or export [--out FILE]");
  return 2;
}

async function importOpml(argv: string[], config: Config, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { "dry-run": { type: "boolean", default: false } },
  });
  if (positionals.length !== 1) {
    io.err("newsgate opml import: give exactly one FILE");
    return 2;
  }
  let doc: OpmlDocument;
  try {
    doc = parseOpml(readOpmlFile(positionals[0]));
  } catch (err) {
    io.err(`newsgate opml import: ${(err as Error).message.split("\n")[0]}`);
    return 1;
  }
  const dryRun = values["dry-run"] ?? false;
  const plan = await withSourceAdmin(config, (admin) => admin.importOpml(doc, { dryRun }));
  for (const line of formatImportSummary(plan, dryRun)) io.out(line);
  return 0;
}

async function exportOpml(argv: string[], config: Config, io: Io): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: "string" } } });
  const sources = await withStore(config, (store) => store.listSources());
  const xml = writeOpml(sources, { title: EXPORT_TITLE, now: Date.now() });
  if (values.out === undefined) {
    io.out(xml.replace(/\n$/, ""));
    return 0;
  }
  writeFileSync(values.out, xml);
  io.err(`exported ${sources.length} sources to ${values.out}`);
  return 0;
}

/** One line per added and skipped feed, then `added N, skipped M` (or what a dry run would do). */
export function formatImportSummary(plan: OpmlImportPlan, dryRun: boolean): string[] {
  const verb = dryRun ? "would add" : "added";
  const lines = plan.add.map((def) => {
    const tags = def.tags?.length ? ` [${def.tags.join(", ")}]` : "";
    return `${verb} ${def.id}: ${def.url}${tags}`;
  });
  for (const s of plan.skipped) lines.push(`skipped "${s.title}" ${s.url}: ${s.reason}`);
  lines.push(
    dryRun
      ? `dry run: would add ${plan.add.length}, skip ${plan.skipped.length}; nothing was written`
      : `added ${plan.add.length}, skipped ${plan.skipped.length}`,
  );
  return lines;
}

// Checked before reading, so a huge file is refused without loading it.
function readOpmlFile(path: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? "error"}`);
  }
  if (size > MAX_OPML_CHARS) {
    throw new Error(`${path} is larger than ${MAX_OPML_CHARS / 1024 / 1024} MiB`);
  }
  return readFileSync(path, "utf8");
}
