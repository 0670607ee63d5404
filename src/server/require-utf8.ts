import type { RequestHandler } from "express";

const CHARSET = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i;
const UTF8 = new Set(["utf-8", "utf8"]);

/**
 * Refuses a request whose Content-Type names a charset other than UTF-8 (`415`, answered by
 * jsonErrors): JSON is UTF-8 (RFC 8259), and the body parser would otherwise decode UTF-7,
 * UTF-16 or UTF-32, reading the same bytes differently from every proxy and log in front.
 */
export function requireUtf8(): RequestHandler {
  return (req, _res, next) => {
    const match = CHARSET.exec(req.headers["content-type"] ?? "");
    const charset = match ? (match[1] ?? match[2]).toLowerCase() : null;
    if (charset === null || UTF8.has(charset)) return next();
    const error = Object.assign(new Error(`unsupported charset "${charset}"`), {
      type: "charset.unsupported",
      charset,
    });
    next(error);
  };
}
