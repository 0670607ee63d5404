import type { SourceKind } from "../domain/source";
import { declaresJsonFeed } from "./json-feed-version";
import { rootElementName } from "./parse-xml-prolog";

/** Returns the name of the document's root element as written (re-exported from the prolog scanner). */
export { rootElementName } from "./parse-xml-prolog";

/**
 * Returns the format of a document judged by its content (never its URL): `rss` for `<rss>` (also
 * prefixed, `<r:rss>`) and `<rdf:RDF>` (RSS 0.90 and 1.0), `atom` for `<feed>` (Atom 0.3 and 1.0)
 * and for an Atom Entry Document (`<entry>` in the Atom namespace), `json` for a JSON Feed,
 * `html` for HTML pages; null otherwise.
 */
export function detectFormat(text: string): SourceKind | null {
  if (/^\ufeff?\s*\{/.test(text)) return isJsonFeed(text) ? "json" : null;
  if (/^\ufeff?\s*<!DOCTYPE\s+html\b/i.test(text)) return "html";
  const root = rootElementName(text)?.toLowerCase() ?? null;
  if (root === "rss" || root === "rdf" || root?.endsWith(":rdf") || root?.endsWith(":rss")) {
    return "rss";
  }
  if (root === "feed" || root?.endsWith(":feed")) return "atom";
  if ((root === "entry" || root?.endsWith(":entry")) && ATOM_NAMESPACE.test(text.slice(0, 4096))) {
    return "atom";
  }
  if (root !== null && HTML_ELEMENTS.has(root)) return "html";
  // Pages that open with a script, a comment or a stray tag before their <html> or <body>.
  return HTML_TAG.test(text.slice(0, HTML_TAG_WINDOW)) ? "html" : null;
}

// Elements a page is written with, any of which can come first in sloppy HTML (no XML
// vocabulary we read has a root of these names).
const HTML_ELEMENTS = new Set([
  ...["html", "head", "body", "script", "meta", "link", "title", "style", "base", "noscript"],
  ...["div", "p", "br", "span", "a", "table", "center", "font", "iframe", "form", "img"],
  ...["header", "nav", "main", "section", "article", "h1", "h2", "h3", "ul", "ol"],
]);
const HTML_TAG = /<(?:html|head|body)[\s>]/i;
// An Atom Entry Document (RFC 4287 4.1.2) is told from other `<entry>` roots by its namespace.
const ATOM_NAMESPACE = /=\s*["']http:\/\/(?:www\.w3\.org\/2005\/Atom|purl\.org\/atom\/ns#)["']/;
const HTML_TAG_WINDOW = 64 * 1024;

/**
 * Returns true when the text is a JSON object whose `version` names JSON Feed, or is a bare
 * "1", "1.0" or "1.1" beside an `items` array (see declaresJsonFeed).
 */
export function isJsonFeed(text: string): boolean {
  try {
    return declaresJsonFeed(JSON.parse(text.replace(/^\ufeff/, "")));
  } catch {
    return false;
  }
}
