import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { PageCase } from "./page-case";
import { readPostlightExpectations } from "./postlight-expectations";

/**
 * Returns the Postlight parser fixtures under `dir` (fixtures/*.html, and custom/<domain>/
 * index.test.js holding the expected values) that a test asserts metadata for: title, author,
 * date_published and lead_image_url. A test without a URL reads its page at its domain.
 */
export function readPostlightSuite(dir: string): PageCase[] {
  const custom = join(dir, "custom");
  const cases: PageCase[] = [];
  for (const domain of readdirSync(custom).sort()) {
    const testPath = join(custom, domain, "index.test.js");
    if (!existsSync(testPath)) continue;
    for (const found of readPostlightExpectations(readFileSync(testPath, "utf8"))) {
      const path = join(dir, "fixtures", found.fixture);
      if (!existsSync(path) || Object.keys(found.expected).length === 0) continue;
      const { title, author, date_published, lead_image_url } = found.expected;
      cases.push({
        suite: "postlight",
        name: found.fixture.replace(/\.html$/, ""),
        url: found.url ?? `https://${domain}/`,
        path,
        meta: { title, author, published: date_published, imageUrl: lead_image_url },
      });
    }
  }
  return cases;
}
