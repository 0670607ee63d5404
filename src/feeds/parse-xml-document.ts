import { FeedParseError } from "./feed-parse-error";
import type { XmlNode } from "./parse-xml-nodes";
import { createXmlTreeReader, type XmlTreeOptions, XmlSyntaxError } from "./read-xml-tree";

/** How to read an XML document into nodes. */
export interface ReadXmlOptions {
  /**
   * Also keep each element's children in document order, text included, under `$$` (each child
   * named by `#name`, text as `__text__`): what inline XHTML needs.
   */
  ordered?: boolean;
  /** Keep that order only in elements of these names and everything inside them. */
  orderedWithin?: ReadonlySet<string>;
  /** A namespace prefix to drop from every element name (a prefixed Atom document's `atom:`). */
  dropPrefix?: string | null;
}

/** A parsed XML document: the root element's name (as written, less any dropped prefix) and node. */
export interface XmlDocument {
  name: string;
  root: XmlNode;
}

// Past this size, the document is read in chunks with a turn of the event loop between them,
// so one huge feed cannot stall the API or the other sources' fetches.
const ASYNC_FROM_CHARS = 256 * 1024;
const CHUNK_CHARS = 64 * 1024;

/**
 * Returns the document's root element (see read-xml-tree: strict XML, no DTD processing, no
 * entity it declares expanded, nothing fetched). Throws FeedParseError for malformed or
 * truncated XML, with the reason and where.
 */
export async function readXmlDocument(
  xml: string,
  opts: ReadXmlOptions = {},
): Promise<XmlDocument> {
  const prefix = opts.dropPrefix ? `${opts.dropPrefix}:` : null;
  const treeOptions: XmlTreeOptions = {
    ordered: opts.ordered,
    orderedWithin: opts.orderedWithin,
    renameElement: prefix ? (name) => dropPrefix(name, prefix) : undefined,
  };
  try {
    const reader = createXmlTreeReader(treeOptions);
    for (let start = 0; start < xml.length; start = chunkEnd(xml, start)) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      reader.write(xml.slice(start, chunkEnd(xml, start)));
    }
    return reader.close();
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new FeedParseError(xmlErrorMessage(error.message));
    throw error;
  }
}

// The whole document when it is small; else 64 K characters, never ending inside a surrogate pair.
function chunkEnd(xml: string, start: number): number {
  if (xml.length <= ASYNC_FROM_CHARS) return xml.length;
  const end = Math.min(xml.length, start + CHUNK_CHARS);
  const code = xml.charCodeAt(end - 1);
  return end < xml.length && code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

function dropPrefix(name: string, prefix: string): string {
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

// A document cut off mid-way is refused whole rather than read up to the cut: a truncated body
// means the transfer failed, and the next fetch will get the whole feed; storing the items before
// the cut would hide that failure from the source's record.
function xmlErrorMessage(reason: string): string {
  if (/^unclosed tag: /.test(reason)) {
    return "malformed XML: the document ends before its root element is closed (truncated?)";
  }
  return `malformed XML: ${reason}`;
}
