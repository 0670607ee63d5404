import pino, { type Logger } from "pino";

/** A structured JSON logger; commands that print results to stdout log to stderr instead. */
export function createLogger(opts: { level: string; toStderr?: boolean }): Logger {
  return pino(
    { level: opts.level, base: { service: "newsgate" } },
    pino.destination({ fd: opts.toStderr ? 2 : 1, sync: true }),
  );
}
