import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { htmlToText } from "./html-text";
import { emptyReading, type PageReading } from "./page-reading";

/**
 * Reads a page with plain Readability.js (default options) on a linkedom document: the
 * baseline. Readability gives no lead image; its `publishedTime` is read with Date.parse.
 */
export async function extractWithReadability(html: string, _url: string): Promise<PageReading> {
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as Document).parse();
    if (!article) return emptyReading("readability found no article");
    const published = article.publishedTime ? Date.parse(article.publishedTime) : NaN;
    return {
      text: article.content ? htmlToText(article.content) : (article.textContent ?? ""),
      title: article.title || null,
      author: article.byline || null,
      published: Number.isNaN(published) ? null : published,
      imageUrl: null,
      note: null,
    };
  } catch (error) {
    return emptyReading(error instanceof Error ? error.message : String(error));
  }
}
