import cors from "cors";
import type { RequestHandler } from "express";
import type { Config } from "../config";
import { CACHE_STATUS_HEADER } from "./response-cache";

/**
 * Lets browser apps on the configured origins call /graphql: preflights are answered here (Apollo's
 * CSRF check never sees them and stays on for everything else), and an allowed origin is named in
 * `Access-Control-Allow-Origin` on every answer, a 429 included, so the app can read it.
 */
export function corsMiddleware(setting: NonNullable<Config["cors"]>): RequestHandler {
  return cors({
    origin: setting.origins,
    credentials: setting.credentials,
    methods: ["GET", "POST"],
    allowedHeaders: [
      "content-type",
      "authorization",
      "apollo-require-preflight",
      "x-apollo-operation-name",
      "if-none-match",
    ],
    exposedHeaders: ["etag", "retry-after", CACHE_STATUS_HEADER],
    // Browsers keep the preflight's answer this long (most cap it at 2 hours or less).
    maxAge: 600,
  });
}
