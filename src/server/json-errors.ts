import type { ErrorRequestHandler } from "express";
import type { Logger } from "pino";

// What the JSON body parser says, by its error type.
const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  "entity.too.large": {
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
    message: "the request body is larger than this server accepts",
  },
  "entity.parse.failed": {
    status: 400,
    code: "BAD_REQUEST",
    message: "the request body is not valid JSON",
  },
  "charset.unsupported": {
    status: 415,
    code: "BAD_REQUEST",
    message: "the request body's charset is not supported: send JSON in UTF-8",
  },
  "encoding.unsupported": {
    status: 415,
    code: "BAD_REQUEST",
    message: "the request body's Content-Encoding is not supported",
  },
};

/**
 * Answers errors raised before GraphQL runs (an unreadable or oversized body) as a GraphQL-style
 * JSON error with a precise status, instead of Express's HTML page (which shows a stack trace
 * outside production); anything else is logged and masked.
 */
export function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const type = (error as { type?: unknown })?.type;
    const known = typeof type === "string" ? BODY_ERRORS[type] : undefined;
    if (!known) logger.error({ err: error }, "http error");
    const { status, code, message } = known ?? {
      status: 500,
      code: "INTERNAL_SERVER_ERROR",
      message: "Internal server error",
    };
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}
