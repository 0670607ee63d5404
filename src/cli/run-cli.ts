import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config";
import { asksForHelp, asksForVersion, COMMAND_USAGE } from "./command-usage";
import { packageRoot } from "./package-root";

const USAGE = `Usage: newsgate <command> [options]

Commands:
  serve                          GraphQL API on HOST:PORT (default 127.0.0.1:4000) plus the scheduler
  worker                         the scheduler alone (fetches due sources until stopped)
  ingest [--all] [--source ID]   one pass over due (or all, or the given) sources, then exit
  parse FILE|URL [--base-url U]  print a feed's normalized { feed, articles } as JSON; stores nothing
  schema [--out FILE]            print the GraphQL SDL (or write it to FILE)
  sources list                   the sources in the store: status, last success, next check
  sources add URL [--id ID] [--name NAME] [--kind K] [--interval S] [--no-discover]
                                 add an http(s) source to the store (file sources: config file)
  sources remove ID              stop fetching a source; its articles are kept
  opml import FILE [--dry-run]   add the feeds of an OPML file as sources; duplicates skipped
  opml export [--out FILE]       print (or write) every source as OPML 2.0

Every command takes --help; newsgate --version prints the version. Configuration comes from
the environment (see README) and the sources file (NEWSGATE_CONFIG, else ./newsgate.config.json,
else the bundled examples).`;

type Io = { out: (s: string) => void; err: (s: string) => void; progress?: (s: string) => void };
const stdio: Io = {
  out: (s) => process.stdout.write(s + "\n"),
  err: (s) => process.stderr.write(s + "\n"),
  // Only a terminal gets a status line rewritten in place; a cron mail or a pipe gets lines.
  ...(process.stderr.isTTY && { progress: (s: string) => process.stderr.write(`\r${s}\x1b[K`) }),
};

// Each command's module is loaded only when that command runs: `parse` must not pay for the
// server stack (Apollo, type-graphql, Kysely, ioredis), which takes most of a second to load.
async function dispatch(command: string, rest: string[], io: Io): Promise<number> {
  if (command === "schema") return (await import("./schema-command")).runSchemaCommand(rest, io);
  const overrides = command === "serve" || command === "worker" ? serviceFlags(command, rest) : {};
  const config = loadConfig(undefined, { packageRoot: packageRoot(), overrides });
  switch (command) {
    case "serve":
    case "worker":
      return (await import("./service-command")).runServiceCommand(command, config);
    case "ingest":
      return (await import("./ingest-command")).runIngestCommand(rest, config, io);
    case "parse":
      return (await import("./parse-command")).runParseCommand(rest, config, io);
    case "sources":
      return (await import("./sources-command")).runSourcesCommand(rest, config, io);
    case "opml":
      return (await import("./opml-command")).runOpmlCommand(rest, config, io);
    default:
      io.err(`newsgate: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

/** The environment a service's flags set (`serve --port 8080` is PORT=8080); unknown ones throw. */
function serviceFlags(command: "serve" | "worker", argv: string[]): Record<string, string> {
  const { values } = parseArgs({
    args: argv,
    options: command === "serve" ? { port: { type: "string" }, host: { type: "string" } } : {},
  });
  const flags = values as { port?: string; host?: string };
  return {
    ...(flags.port !== undefined && { PORT: flags.port }),
    ...(flags.host !== undefined && { HOST: flags.host }),
  };
}

function version(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as {
    version: string;
  };
  return `newsgate ${manifest.version}`;
}

/** Runs the `newsgate` command line; resolves with the process exit code. */
export async function runCli(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if (command === "version" || asksForVersion(argv)) {
    io.out(version());
    return 0;
  }
  const usage = COMMAND_USAGE[command];
  if (usage !== undefined && asksForHelp(rest)) {
    io.out(usage);
    return 0;
  }
  try {
    return await dispatch(command, rest, io);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(`newsgate: invalid configuration: ${err.message}`);
      return 2;
    }
    // Not `instanceof Error`: errors of node's own modules may come from another realm.
    const text = (err as { message?: unknown } | null)?.message;
    const message = (typeof text === "string" ? text : String(err)).split("\n")[0];
    if ((err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`newsgate ${command}: ${message}${usage ? `\n\n${usage}` : ""}`);
      return 2;
    }
    // Whatever stopped the command (an unreachable database, say), one line, never a stack.
    io.err(`newsgate ${command}: ${message}`);
    return 1;
  }
}
