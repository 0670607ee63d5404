import { JSDOM } from "jsdom";
import { readHtmlPage, type ParsedHtmlPage } from "../src/pages/parse-html-page";
import { readHtml, spaceAfterBreaks } from "../src/pages/read-html";
import { sanitizeContent } from "../src/domain/sanitize-content";
import { differences, htmlFixtureNames, parseHtmlFixture, readHtmlFixture } from "./html-fixtures";
import { median, msSince } from "./measure";
import { num, printRatio, printTable } from "./report";

/** Knobs of the extract bench: timed rounds per page after one warm-up. */
export interface ExtractBenchOptions {
  rounds: number;
}

interface Page {
  name: string;
  kind: "listing" | "story";
  url: string;
  text: string;
}

type ReadDom = (html: string) => Document;

const LINKEDOM: ReadDom = readHtml;
const JSDOM_READER: ReadDom = (html) =>
  new JSDOM(spaceAfterBreaks(html)).window.document as unknown as Document;

/**
 * Times reading every HTML fixture (DOM parse and extraction: headlines, or the story with
 * readability) on linkedom, as the service does, and on jsdom, in the same run; checks both give
 * the same items, and how many fixtures the service extracts exactly as expected.
 */
export async function runExtractBench(opts: ExtractBenchOptions = { rounds: 20 }): Promise<void> {
  const pages = htmlFixtureNames().map(toPage);
  console.log(
    `\n== extract: ${pages.length} HTML fixture pages, median of ${opts.rounds} rounds per page`,
  );
  const rows: string[][] = [["pages", "linkedom ms/page", "jsdom ms/page", "jsdom/linkedom"]];
  const ratios: number[] = [];
  for (const kind of ["listing", "story"] as const) {
    const group = pages.filter((p) => p.kind === kind);
    const linkedom = msPerPage(group, LINKEDOM, opts.rounds);
    const jsdom = msPerPage(group, JSDOM_READER, opts.rounds);
    ratios.push(jsdom / linkedom);
    rows.push([
      `${kind} (${group.length})`,
      num(linkedom, 2),
      num(jsdom, 2),
      `${num(jsdom / linkedom, 1)}x`,
    ]);
  }
  printTable(rows);
  const same = pages.filter((p) => sameItems(p)).length;
  console.log(`same items from linkedom and jsdom: ${same} of ${pages.length}`);
  const exact = await exactCount(pages);
  console.log(
    `extracted exactly as expected (linkedom, the service's path): ${exact} of ${pages.length}`,
  );
  printRatio("ratio jsdom/linkedom time, listing pages", ratios[0], null, "x");
  printRatio("ratio jsdom/linkedom time, story pages", ratios[1], null, "x");
  printRatio("share of fixtures extracted exactly", exact / pages.length, null);
}

function toPage(name: string): Page {
  const { expected, text } = readHtmlFixture(name);
  return { name, kind: expected.kind, url: expected.pageUrl, text };
}

function read(page: Page, dom: ReadDom): ParsedHtmlPage {
  return readHtmlPage(dom(page.text), page.url);
}

// Each page once to warm up, then the median of its rounds; the mean over the pages.
function msPerPage(pages: readonly Page[], dom: ReadDom, rounds: number): number {
  const perPage = pages.map((page) => {
    read(page, dom);
    const times = Array.from({ length: rounds }, () => {
      const start = process.hrtime.bigint();
      read(page, dom);
      return msSince(start);
    });
    return median(times);
  });
  return perPage.reduce((a, b) => a + b, 0) / perPage.length;
}

// The same items once their HTML is sanitized, as it is stored (the DOMs serialize differently).
function sameItems(page: Page): boolean {
  const items = (dom: ReadDom) =>
    JSON.stringify(
      read(page, dom).feed.items.map((item) => ({
        ...item,
        content: item.content === null ? null : sanitizeContent(item.content, page.url),
      })),
    );
  return items(LINKEDOM) === items(JSDOM_READER);
}

async function exactCount(pages: readonly Page[]): Promise<number> {
  let exact = 0;
  for (const page of pages) {
    const { expected, parsed } = await parseHtmlFixture(page.name);
    if (differences(expected, parsed).length === 0) exact += 1;
  }
  return exact;
}

if (require.main === module) {
  const rounds = Number(process.argv[2] ?? 20);
  runExtractBench({ rounds }).catch((error: unknown) => {
    console.error("bench failed:", error);
    process.exitCode = 1;
  });
}
