import { parseDocument } from "../../src/ingest/parse-document";
import { FETCH_TIME } from "./fetch-time";
import { htmlToText } from "./html-text";
import { emptyReading, type PageReading } from "./page-reading";

/**
 * Reads a page as the service does (parseDocument on an `html` source): the story's text and
 * metadata when the page is read as a story; nothing, with the reason, when it is read as a
 * listing or refused.
 */
export async function extractWithNewsgate(html: string, url: string): Promise<PageReading> {
  try {
    const parsed = await parseDocument(html, { url, now: FETCH_TIME, kind: "html" });
    const story = parsed.articles[0];
    if (parsed.pageKind !== "story" || !story) {
      return emptyReading(
        `read as ${parsed.pageKind ?? "nothing"} (${parsed.articles.length} items)`,
      );
    }
    return {
      text: story.contentHtml ? htmlToText(story.contentHtml) : (story.contentText ?? ""),
      title: story.title || null,
      author: story.author,
      published: story.publishedAt === FETCH_TIME ? null : story.publishedAt,
      imageUrl: story.imageUrl,
      note: null,
    };
  } catch (error) {
    return emptyReading(error instanceof Error ? error.message : String(error));
  }
}
