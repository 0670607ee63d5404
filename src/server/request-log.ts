import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { CACHE_STATUS_HEADER } from "./response-cache";

/** What a request's execution leaves for its log line (in `res.locals.requestLog`). */
export interface RequestLogNotes {
  cost: number | null;
}

/**
 * Logs one line per /graphql request at `info` when it is answered: operation name, status,
 * duration, estimated cost (when it was executed), response-cache outcome and client address.
 */
export function requestLog(
  logger: Logger,
  addressOf: (req: IncomingMessage) => string,
): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const notes: RequestLogNotes = { cost: null };
    res.locals.requestLog = notes;
    res.once("finish", () => {
      logger.info(
        {
          operation: operationOf(req.body, req.query),
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          cost: notes.cost,
          cache: res.getHeader(CACHE_STATUS_HEADER) ?? null,
          client: addressOf(req),
        },
        "request",
      );
    });
    next();
  };
}

function operationOf(body: unknown, query: unknown): string | null {
  for (const from of [body, query]) {
    const name = (from as { operationName?: unknown } | undefined)?.operationName;
    if (typeof name === "string" && name.length > 0) return name.slice(0, 100);
  }
  return null;
}
