import { parseArgs } from "node:util";
import type { Config } from "../config";
import { parseTarget } from "../ingest/fetch-once";

/** `newsgate parse FILE|URL [--base-url URL]`: prints `{ feed, articles }`; errors in one line. */
export async function runParseCommand(
  argv: string[],
  config: Config,
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { "base-url": { type: "string" } },
  });
  if (positionals.length !== 1) {
    io.err("newsgate parse: give exactly one FILE or URL");
    return 2;
  }
  try {
    const output = await parseTarget(config, positionals[0], values["base-url"]);
    io.out(JSON.stringify(output, null, 2));
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.err(`newsgate parse: ${message.split("\n")[0]}`);
    return 1;
  }
}
