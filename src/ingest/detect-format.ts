import type { SourceKind } from "../domain/source";

// What may precede the root element: BOM, whitespace, the XML declaration, comments, PIs, doctype.
const PROLOG = /^(?:\ufeff|\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>)*/i;
const ROOT_ELEMENT = /^<([A-Za-z_][\w.:-]*)/;

/**
 * Returns the format of a document judged by its content (never its URL): `rss` for `<rss>` and
 * `<rdf:RDF>`, `atom` for `<feed>`, `json` for a JSON Feed, `html` for HTML pages; null otherwise.
 */
export function detectFormat(text: string): SourceKind | null {
  if (/^\ufeff?\s*\{/.test(text)) return isJsonFeed(text) ? "json" : null;
  if (/^\ufeff?\s*<!DOCTYPE\s+html\b/i.test(text)) return "html";
  const root = rootElementName(text)?.toLowerCase() ?? null;
  if (root === "rss" || root === "rdf" || root?.endsWith(":rdf")) return "rss";
  if (root === "feed" || root?.endsWith(":feed")) return "atom";
  if (root === "html" || root === "head" || root === "body") return "html";
  return null;
}

/** Returns the name of the document's root element as written (`rss`, `rdf:RDF`), or null. */
export function rootElementName(text: string): string | null {
  const rest = text.replace(PROLOG, "");
  return ROOT_ELEMENT.exec(rest)?.[1] ?? null;
}

/** Returns true when the text is a JSON object whose `version` names JSON Feed. */
export function isJsonFeed(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text.replace(/^\ufeff/, ""));
    if (typeof value !== "object" || value === null) return false;
    const version = (value as { version?: unknown }).version;
    return typeof version === "string" && version.includes("jsonfeed");
  } catch {
    return false;
  }
}
