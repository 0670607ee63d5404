import type { RawFeed } from "../domain/raw-feed";
import { FeedParseError } from "./feed-parse-error";
import { parseAtomEntry } from "./parse-atom-item";
import { parseAtomFeedMeta, parseRssFeedMeta } from "./parse-feed-meta";
import { readXmlDocument, type XmlDocument } from "./parse-xml-document";
import { childNode, childNodes, isNode, nodeAttr, type XmlNode } from "./parse-xml-nodes";
import { removeDoctype, rootElementName } from "./parse-xml-prolog";
import { parseRssItem } from "./parse-rss-item";
import { repairXmlEntities } from "./parse-xml-repair";

// Inline markup (xhtml text constructs) needs their children in document order.
const ATOM_CONSTRUCTS: ReadonlySet<string> = new Set([
  ...["title", "subtitle", "tagline", "summary", "content"],
]);

// RSS elements that may hold naked XHTML (child elements, not escaped markup); titles, bylines,
// guids and categories are sometimes written that way too.
const RSS_MARKUP: ReadonlySet<string> = new Set([
  ...["description", "dc:description", "xhtml:body", "body", "fullitem"],
  ...["title", "dc:title", "author", "guid", "category"],
]);

/**
 * Returns the RawFeed of an RSS (0.90, 0.91-0.94, 1.0, 2.0) or Atom (0.3, 1.0) document; throws
 * FeedParseError when it is not one. The prolog's DOCTYPE is removed before parsing, so declared
 * entities are never expanded and external ones never read; entity mistakes are repaired.
 */
export async function parseXmlFeed(
  text: string,
  kind: "rss" | "atom",
  url: string | null,
): Promise<RawFeed> {
  const xml = repairXmlEntities(removeDoctype(text));
  // A prefixed document (`<atom:feed>`, `<r:rss>`) reads like an unprefixed one; RSS 1.0's
  // `<rdf:RDF>` keeps its prefix, which its items do not share.
  const root = rootElementName(xml) ?? "";
  const prefix = /^([\w.-]+):(?:feed|rss|entry)$/i.exec(root)?.[1] ?? null;
  if (kind === "rss") {
    const doc = await readXmlDocument(xml, { dropPrefix: prefix, orderedWithin: RSS_MARKUP });
    return readRss(doc, url);
  }
  const doc = await readXmlDocument(xml, { dropPrefix: prefix, orderedWithin: ATOM_CONSTRUCTS });
  // An Entry Document (RFC 4287 4.1.2) is a feed of that one entry, without feed metadata.
  const entryOnly = /^(?:[\w.-]+:)?entry$/i.test(doc.name);
  return entryOnly ? readAtom({ entry: doc.root }, url) : readAtom(doc.root, url);
}

function readRss({ root }: XmlDocument, url: string | null): RawFeed {
  const channel = childNode(root, "channel");
  if (channel === undefined) {
    throw new FeedParseError("not a feed: an rss document without the elements of a feed");
  }
  const channelNode = isNode(channel) ? channel : {};
  const base = absoluteBase(nodeAttr(channel, "xml:base") ?? nodeAttr(root, "xml:base"), url);
  // RSS 0.90 and 1.0 put items beside the channel; 0.91-2.0 inside it.
  const items = [...childNodes(root, "item"), ...childNodes(channelNode, "item")].filter(isNode);
  return {
    ...parseRssFeedMeta(root, channelNode, base),
    items: items.map((item) => parseRssItem(item, itemBase(item, base, url))),
  };
}

function readAtom(root: XmlNode, url: string | null): RawFeed {
  const base = absoluteBase(nodeAttr(root, "xml:base"), url);
  const meta = parseAtomFeedMeta(root, base);
  const entries = childNodes(root, "entry").filter(isNode);
  const items = entries.map((entry) =>
    parseAtomEntry(entry, { base: itemBase(entry, base, url), feedAuthor: meta.author }),
  );
  return { ...meta.feed, items };
}

// The item's xml:base resolved against the feed's (or the document URL), or the feed's base.
function itemBase(item: XmlNode, feedBase: string | null, url: string | null): string | null {
  return absoluteBase(nodeAttr(item, "xml:base"), feedBase ?? url) ?? feedBase;
}

// An xml:base made absolute against its parent's base; null when absent or still relative.
function absoluteBase(xmlBase: string | null, parent: string | null): string | null {
  if (xmlBase === null) return null;
  try {
    return new URL(xmlBase, parent ?? undefined).href;
  } catch {
    return null;
  }
}
