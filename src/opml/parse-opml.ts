import { parseHttpUrl } from "../domain/resolve-url";
import { removeDoctype } from "../feeds/parse-xml-prolog";
import { readXmlTree, XmlSyntaxError, type XmlTree } from "../feeds/read-xml-tree";

/** The longest OPML document read, in characters (5 Mi); subscription lists are far smaller. */
export const MAX_OPML_CHARS = 5 * 1024 * 1024;
// Folders deeper than this are not a subscription list; the limit also bounds the recursion.
const MAX_DEPTH = 32;

/** Thrown when a document is not OPML that can be read; the message is one line and says why. */
export class OpmlParseError extends Error {
  override readonly name = "OpmlParseError";
}

/** One feed of a subscription list; `categories` are its folder path, then its `category` values. */
export interface OpmlOutline {
  title: string;
  xmlUrl: string;
  htmlUrl: string | null;
  type: string | null;
  categories: string[];
}

/** A feed outline that was not read, with why (`not an http(s) URL`). */
export interface OpmlSkipped {
  title: string;
  xmlUrl: string;
  reason: string;
}

/** What an OPML 1.0 or 2.0 document lists: its title, its feeds, and the feeds it skipped. */
export interface OpmlDocument {
  title: string | null;
  outlines: OpmlOutline[];
  skipped: OpmlSkipped[];
}

type XmlElement = { $?: Record<string, string>; _?: string; [child: string]: unknown };

/** Reads an OPML subscription list; throws OpmlParseError (one line) when it is not OPML. */
export function parseOpml(text: string): OpmlDocument {
  if (text.length > MAX_OPML_CHARS) {
    throw new OpmlParseError(`not OPML: larger than ${MAX_OPML_CHARS / 1024 / 1024} MiB`);
  }
  const opml = readRoot(removeDoctype(text));
  const body = children(opml, "body")[0];
  if (!body) throw new OpmlParseError("not OPML: <opml> has no <body>");
  const doc: OpmlDocument = { title: headTitle(opml), outlines: [], skipped: [] };
  readOutlines(children(body, "outline"), [], doc, 0);
  return doc;
}

function readRoot(xml: string): XmlElement {
  if (xml.trim() === "") throw new OpmlParseError("not OPML: the document is empty");
  const { name, root } = readTree(xml);
  if (name.toLowerCase() !== "opml") {
    throw new OpmlParseError(`not OPML: the root element is <${name}>, not <opml>`);
  }
  return root as XmlElement;
}

function readTree(xml: string): XmlTree {
  try {
    return readXmlTree(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      throw new OpmlParseError(`not OPML: malformed XML: ${error.message}`);
    }
    throw error;
  }
}

function readOutlines(
  outlines: XmlElement[],
  path: string[],
  doc: OpmlDocument,
  depth: number,
): void {
  if (depth > MAX_DEPTH) {
    throw new OpmlParseError(`not OPML: outlines nested deeper than ${MAX_DEPTH} levels`);
  }
  for (const outline of outlines) {
    const attrs = attributes(outline);
    const name = cleanText(attrs.get("title") || attrs.get("text") || "");
    const xmlUrl = attrs.get("xmlurl")?.trim();
    if (xmlUrl) readFeed(attrs, name, xmlUrl, path, doc);
    const nested = children(outline, "outline");
    if (nested.length > 0) readOutlines(nested, name ? [...path, name] : path, doc, depth + 1);
  }
}

function readFeed(
  attrs: Map<string, string>,
  name: string,
  xmlUrl: string,
  path: string[],
  doc: OpmlDocument,
): void {
  const url = parseHttpUrl(xmlUrl);
  const title = name || url?.host || xmlUrl;
  if (!url) {
    const reason = /^[a-z][a-z0-9+.-]*:/i.test(xmlUrl) ? "not an http(s) URL" : "not a URL";
    doc.skipped.push({ title, xmlUrl, reason });
    return;
  }
  doc.outlines.push({
    title,
    xmlUrl: url.href,
    htmlUrl: parseHttpUrl(attrs.get("htmlurl"))?.href ?? null,
    type: attrs.get("type")?.trim() || null,
    categories: uniqueNames([...path, ...splitCategories(attrs.get("category") ?? "")]),
  });
}

/** `category="/Boston/Weather,Politics"` → `Boston`, `Weather`, `Politics` (OPML 2.0 §category). */
function splitCategories(value: string): string[] {
  return value.split(",").flatMap((path) => path.split("/").map(cleanText));
}

function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (!name || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function headTitle(opml: XmlElement): string | null {
  const title = children(children(opml, "head")[0], "title")[0];
  return cleanText(String(title?._ ?? "")) || null;
}

// Old exports vary the case of attribute names (`xmlurl`, `XMLURL`); OPML says `xmlUrl`.
function attributes(element: XmlElement): Map<string, string> {
  const entries = Object.entries(element.$ ?? {}).map(([k, v]) => [k.toLowerCase(), v] as const);
  return new Map(entries);
}

function children(element: XmlElement | undefined, name: string): XmlElement[] {
  const list = element?.[name];
  return Array.isArray(list) ? list.map(asElement) : [];
}

// An element without attributes or children is read as its text.
function asElement(value: unknown): XmlElement {
  if (typeof value === "string") return { _: value };
  return value !== null && typeof value === "object" ? (value as XmlElement) : {};
}

function cleanText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
