/** The usage of every command, shown by `newsgate <command> --help` and after a wrong flag. */
export const COMMAND_USAGE: Readonly<Record<string, string>> = {
  serve: `Usage: newsgate serve [--port N] [--host H]

The GraphQL API on HOST:PORT (default 127.0.0.1:4000) plus the scheduler, until SIGINT or
SIGTERM. --port and --host override PORT and HOST; everything else comes from the environment.`,
  worker: `Usage: newsgate worker

The scheduler alone: fetches due sources until SIGINT or SIGTERM (WORKER_ID names its leases).`,
  ingest: `Usage: newsgate ingest [--all] [--source ID ...]

One pass over the due sources (or all of them, or the given ones), a line per source, then exit;
exit code 1 when a source failed. For cron.`,
  parse: `Usage: newsgate parse FILE|URL [--base-url URL]

Prints a feed's or page's normalized { feed, articles } as JSON; stores nothing.`,
  schema: `Usage: newsgate schema [--out FILE]

Prints the GraphQL SDL, or writes it to FILE.`,
  sources: `Usage: newsgate sources list
       newsgate sources add URL [--id ID] [--name NAME] [--kind K] [--interval S] [--no-discover]
       newsgate sources remove ID

Lists, adds (http and https; file sources belong in the config file) or removes sources.`,
  opml: `Usage: newsgate opml import FILE [--dry-run]
       newsgate opml export [--out FILE]

Adds the feeds of an OPML file as sources (present ones skipped), or prints every source as OPML 2.0.`,
};

/** Whether the arguments ask for help (`--help`, `-h`) anywhere. */
export function asksForHelp(argv: readonly string[]): boolean {
  return argv.includes("--help") || argv.includes("-h");
}

/** Whether the arguments ask for the version (`--version`, `-V`) anywhere. */
export function asksForVersion(argv: readonly string[]): boolean {
  return argv.includes("--version") || argv.includes("-V");
}
