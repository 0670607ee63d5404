import { Parser, type ParserOptions } from "xml2js";
import { FeedParseError } from "./feed-parse-error";
import { isNode, type XmlNode } from "./parse-xml-nodes";

/** How to read an XML document into nodes. */
export interface ReadXmlOptions {
  /**
   * Also keep each element's children in document order, text included, under `$$` (each child
   * named by `#name`, text as `__text__`): what inline XHTML needs. It costs about three times the
   * time and memory, so it is asked for only when a document holds such markup.
   */
  ordered?: boolean;
  /** A namespace prefix to drop from every element name (a prefixed Atom document's `atom:`). */
  dropPrefix?: string | null;
}

/** A parsed XML document: the root element's name (as written, less any dropped prefix) and node. */
export interface XmlDocument {
  name: string;
  root: XmlNode;
}

// Past this size, sax reads the document in chunks with a turn of the event loop between them,
// so one huge feed cannot stall the API or the other sources' fetches for seconds.
const ASYNC_FROM_CHARS = 256 * 1024;
const CHUNK_CHARS = 64 * 1024;

const ORDERED: ParserOptions = {
  explicitChildren: true,
  preserveChildrenOrder: true,
  charsAsChildren: true,
  includeWhiteChars: true,
};

/**
 * Returns the document's root element as xml2js reads it (strict XML, no DTD processing: sax
 * keeps a DOCTYPE as an opaque string and expands no entity it declares, and fetches nothing).
 * Throws FeedParseError for malformed or truncated XML.
 */
export async function readXmlDocument(
  xml: string,
  opts: ReadXmlOptions = {},
): Promise<XmlDocument> {
  const prefix = opts.dropPrefix ? `${opts.dropPrefix}:` : null;
  const options: ParserOptions = {
    ...(opts.ordered ? ORDERED : {}),
    ...(xml.length > ASYNC_FROM_CHARS ? { async: true, chunkSize: CHUNK_CHARS } : {}),
    tagNameProcessors: prefix ? [(name: string) => dropPrefix(name, prefix)] : [],
  };
  const result = await parseXml(xml, options);
  const name = isNode(result) ? Object.keys(result)[0] : undefined;
  const root = name === undefined ? undefined : (result as XmlNode)[name];
  if (name === undefined) throw new FeedParseError("not a feed: the document has no root element");
  return { name, root: isNode(root) ? root : {} };
}

function dropPrefix(name: string, prefix: string): string {
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

// xml2js may call back more than once after an error; a promise settles once.
function parseXml(xml: string, options: ParserOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    try {
      new Parser(options).parseString(xml, (error: Error | null, result: unknown) =>
        error ? reject(new FeedParseError(xmlErrorMessage(error))) : resolve(result),
      );
    } catch (error) {
      reject(new FeedParseError(xmlErrorMessage(error)));
    }
  });
}

// sax reports `Reason\nLine: 7\nColumn: 3\nChar: x`; the reason is what the message keeps.
// A document cut off mid-way is refused whole rather than read up to the cut: a truncated body
// means the transfer failed, and the next fetch will get the whole feed; storing the items before
// the cut would hide that failure from the source's record.
function xmlErrorMessage(error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  if (/^Unclosed root tag/.test(reason)) {
    return "malformed XML: the document ends before its root element is closed (truncated?)";
  }
  return `malformed XML: ${reason}`;
}
