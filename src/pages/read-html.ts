import { parseHTML } from "linkedom";
import { decodePlainReferences } from "../domain/decode-plain-references";

/** Reads an HTML page into a DOM (linkedom: no scripts run, nothing is fetched). */
export function readHtml(html: string): Document {
  // Written-out references keep a text run one node (see decodePlainReferences).
  return parseHTML(spaceAfterBreaks(decodePlainReferences(html))).document as unknown as Document;
}

/**
 * Returns the HTML with a space after each `<br>`: DOM text would join "Jane Doe<br>Published"
 * into one word, and the space renders the same.
 */
export function spaceAfterBreaks(html: string): string {
  return html.replace(/<br\s*\/?>/gi, "$& ");
}

/** Returns the element's text with whitespace collapsed, or "" for none. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** Returns the trimmed attribute value, or null when absent or blank. */
export function attrOf(element: Element | null | undefined, name: string): string | null {
  const value = element?.getAttribute(name)?.trim();
  return value ? value : null;
}

/**
 * Returns the value of the first `<meta>` with one of these `property` or `name` values (see
 * metaValue), trying the keys in order.
 */
export function metaContent(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const meta of document.querySelectorAll(metaSelector(key))) {
      const content = metaValue(meta);
      if (content) return content;
    }
  }
  return null;
}

/** Returns the value of every `<meta>` with this `property` or `name`, in page order. */
export function metaContents(document: Document, key: string): string[] {
  return [...document.querySelectorAll(metaSelector(key))]
    .map(metaValue)
    .filter((content): content is string => content !== null);
}

// Keys are matched without regard to case (pages write `DC.creator`, `dc.creator`, `OG:Image`),
// and a tag may list several (`property="og:title dc:title"`).
function metaSelector(key: string): string {
  return `meta[property~="${key}" i], meta[name~="${key}" i], meta[itemprop~="${key}" i]`;
}

// A `<meta>` carries its value in `content`; some pages (and tools that save pages) write
// `value` instead.
function metaValue(meta: Element): string | null {
  return attrOf(meta, "content") ?? attrOf(meta, "value");
}

/** Returns why a CSS selector cannot be used (its parser's words), or null when it can. */
export function describeSelectorProblem(selector: string): string | null {
  try {
    readHtml("<p></p>").querySelectorAll(selector);
    return null;
  } catch (error) {
    return `not a CSS selector (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
  }
}
