/** The suites, in the order they run: three of pages, then two of feeds. */
export const EVAL_SUITES = [
  "readability",
  "trafilatura",
  "postlight",
  "gofeed",
  "feed-rs",
] as const;

/** One suite's name (also its folder's name in the corpus folder). */
export type EvalSuite = (typeof EVAL_SUITES)[number];

const GROUPS: Record<string, readonly EvalSuite[]> = {
  pages: ["readability", "trafilatura", "postlight"],
  feeds: ["gofeed", "feed-rs"],
};

/** What `npm run eval -- <folder> [--top N] [--only pages|feeds|<suite>,...]` was asked. */
export interface EvalArgs {
  folder: string;
  /** How many worst pages and misses each list shows. */
  top: number;
  suites: EvalSuite[];
}

const USAGE =
  "usage: npm run eval -- <corpus folder> [--top N] [--only pages|feeds|<suite>[,<suite>...]]" +
  ` (suites: ${EVAL_SUITES.join(", ")}; see README: Evaluation)`;

/** Reads the command line (after `node run.js`); throws the usage line when it does not fit. */
export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  let folder: string | null = null;
  let top = 15;
  let suites: EvalSuite[] = [...EVAL_SUITES];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--top") top = Number(argv[++i]);
    else if (arg === "--only") suites = suitesNamed(argv[++i] ?? "");
    else if (arg.startsWith("--") || folder !== null) throw new Error(USAGE);
    else folder = arg;
  }
  if (folder === null || !Number.isInteger(top) || top < 0) throw new Error(USAGE);
  return { folder, top, suites };
}

function suitesNamed(list: string): EvalSuite[] {
  const named = list.split(",").flatMap((name): readonly EvalSuite[] => {
    if (GROUPS[name]) return GROUPS[name];
    if ((EVAL_SUITES as readonly string[]).includes(name)) return [name as EvalSuite];
    throw new Error(USAGE);
  });
  return EVAL_SUITES.filter((suite) => named.includes(suite));
}
