import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The directory holding newsgate's package.json (from src/ or from dist/src/). */
export function packageRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
