import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseEvalArgs, type EvalArgs, type EvalSuite } from "./eval-args";
import { evaluateFeeds } from "./evaluate-feeds";
import { evaluatePages } from "./evaluate-pages";
import { printFeedSuite } from "./print-feeds";
import { printMetaSuite } from "./print-meta";
import { printSnippetSuite, printTextSuite } from "./print-pages";
import { readFeedRsGoldens, readGofeedGoldens } from "./read-feed-goldens";
import { readPostlightSuite } from "./read-postlight-suite";
import { readReadabilitySuite } from "./read-readability-suite";
import { readTrafilaturaSuite } from "./read-trafilatura-suite";

type SuiteRunner = (dir: string, top: number) => Promise<void>;

const RUNNERS: Record<EvalSuite, SuiteRunner> = {
  async readability(dir, top) {
    const outcomes = await evaluatePages(readReadabilitySuite(dir));
    printTextSuite("Mozilla Readability test pages", outcomes, top);
    printMetaSuite("Mozilla Readability test pages", outcomes, top);
  },
  async trafilatura(dir, top) {
    const { cases, missing } = readTrafilaturaSuite(dir);
    if (missing.length > 0) console.log(`\n(trafilatura: ${missing.length} pages not found)`);
    printSnippetSuite("trafilatura evaluation set", await evaluatePages(cases), top);
  },
  async postlight(dir, top) {
    printMetaSuite("Postlight parser fixtures", await evaluatePages(readPostlightSuite(dir)), top);
  },
  async gofeed(dir, top) {
    printFeedSuite("gofeed", await evaluateFeeds(readGofeedGoldens(dir)), top);
  },
  async "feed-rs"(dir, top) {
    printFeedSuite("feed-rs", await evaluateFeeds(readFeedRsGoldens(dir)), top);
  },
};

// A suite whose folder is absent is skipped with a note, so a partial corpus still runs.
async function runSuite(args: EvalArgs, suite: EvalSuite): Promise<void> {
  const dir = join(args.folder, suite);
  if (!existsSync(dir)) return console.log(`\n(skipped ${suite}: no folder ${dir})`);
  await RUNNERS[suite](dir, args.top);
}

/** Scores page extraction and feed parsing on the public suites in the folder, and prints it all. */
export async function runEval(argv: readonly string[]): Promise<void> {
  const args = parseEvalArgs(argv);
  console.log(`newsgate eval: corpora from ${args.folder} (suites: ${args.suites.join(", ")})`);
  for (const suite of args.suites) await runSuite(args, suite);
}

if (require.main === module) {
  runEval(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
