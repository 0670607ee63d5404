import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Returns the text of a file under test/fixtures (`feeds/atom.xml`, `seed/feed.xml`). */
export function readFixture(path: string): string {
  return readFileSync(join(__dirname, "..", "fixtures", path), "utf8");
}
