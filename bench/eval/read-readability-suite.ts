import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { htmlToText } from "./html-text";
import type { PageCase } from "./page-case";

// Readability's own tests read every page as if served from this address.
const PAGE_URL = "http://fakehost/test/page.html";

interface ReadabilityMetadata {
  title?: string | null;
  byline?: string | null;
  publishedTime?: string | null;
}

/**
 * Returns the Mozilla Readability test pages under `dir` (one folder per page with source.html,
 * expected.html and expected-metadata.json): expected text from expected.html, and the title,
 * byline and published time of the metadata.
 */
export function readReadabilitySuite(dir: string): PageCase[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "source.html")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => readCase(join(dir, name), name));
}

function readCase(folder: string, name: string): PageCase {
  const metaPath = join(folder, "expected-metadata.json");
  const meta: ReadabilityMetadata = existsSync(metaPath)
    ? JSON.parse(readFileSync(metaPath, "utf8"))
    : {};
  return {
    suite: "readability",
    name,
    url: PAGE_URL,
    path: join(folder, "source.html"),
    // Saved as UTF-8 whatever the page declares (qq's says gb2312), and read so by its tests.
    charset: "utf-8",
    expectedText: htmlToText(readFileSync(join(folder, "expected.html"), "utf8")),
    meta: { title: meta.title, author: meta.byline, published: meta.publishedTime },
  };
}
