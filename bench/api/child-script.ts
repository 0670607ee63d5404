import { join } from "node:path";

/** The compiled child script beside this module (the bench runs from dist/, so it exists). */
export function defaultChildScript(): string {
  return join(__dirname, "server-child.js");
}
