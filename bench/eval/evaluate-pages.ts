import { extractWithNewsgate } from "./extract-newsgate";
import { extractWithReadability } from "./extract-readability";
import { readPageText, type PageCase } from "./page-case";
import type { PageOutcome } from "./page-outcome";
import { scorePage } from "./score-page";

/** A page that takes longer than this to read (both extractors) is named on stderr. */
const SLOW_PAGE_MS = 5000;

/**
 * Reads every page with newsgate and with plain Readability and scores both readings; progress
 * goes to stderr every 100 pages.
 */
export async function evaluatePages(pages: readonly PageCase[]): Promise<PageOutcome[]> {
  const outcomes: PageOutcome[] = [];
  for (const page of pages) {
    const started = Date.now();
    const html = readPageText(page.path, page.charset);
    const newsgate = await extractWithNewsgate(html, page.url);
    const readability = await extractWithReadability(html, page.url);
    const ms = Date.now() - started;
    if (ms > SLOW_PAGE_MS)
      process.stderr.write(`  slow page: ${page.suite} ${page.name} ${ms} ms\n`);
    if (outcomes.length % 100 === 99)
      process.stderr.write(`  ${page.suite}: ${outcomes.length + 1} of ${pages.length} pages\n`);
    outcomes.push({
      page,
      by: { newsgate: scorePage(page, newsgate), readability: scorePage(page, readability) },
    });
  }
  return outcomes;
}
