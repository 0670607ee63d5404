import type { RawItem } from "../domain/raw-feed";
import { escapeHtml } from "../domain/text-to-html";
import { parseCategories } from "./parse-categories";
import { parseItemImage } from "./parse-media";
import {
  findLink,
  nodeAttr,
  nodeList,
  nodeText,
  resolveAgainst,
  type XmlNode,
} from "./parse-xml-nodes";

/** The raw markup of an entry's `type="xhtml"` constructs, which xml2js cannot keep in order. */
export interface EntryXhtml {
  title: string | null;
  summary: string | null;
  content: string | null;
}

/** What reading an Atom entry needs besides the entry. */
export interface AtomEntryContext {
  /** The entry's effective xml:base, absolute, or null. */
  base: string | null;
  /** The feed's author, which entries without one inherit. */
  feedAuthor: string | null;
  xhtml: EntryXhtml;
}

/** Returns the RawItem of an Atom entry as rss-parser read it; text constructs become HTML. */
export function parseAtomEntry(entry: XmlNode, ctx: AtomEntryContext): RawItem {
  return {
    guid: nodeText(entry.id),
    link: resolveAgainst(findLink(entry.linkNodes, "alternate"), ctx.base),
    title: textConstruct(entry.titleNodes, ctx.xhtml.title),
    summary: textConstruct(entry.summaryNodes, ctx.xhtml.summary),
    content: textConstruct(entry.contentNodes, ctx.xhtml.content),
    author: nodeText(entry.author) ?? ctx.feedAuthor,
    published: nodeText(entry.published),
    updated: nodeText(entry.updated),
    categories: parseCategories(entry),
    enclosures: atomEnclosures(entry, ctx.base),
    imageUrl: resolveAgainst(parseItemImage(entry), ctx.base),
    language: nodeAttr(entry, "xml:lang"),
  };
}

// Atom text constructs: `text` (the default) is escaped into HTML, `html` is HTML, `xhtml` is the
// raw markup found in the document. Other media types (base64 content) are not read.
function textConstruct(nodes: unknown, xhtml: string | null): string | null {
  const node = nodeList(nodes)[0];
  if (node === undefined) return null;
  const type = (nodeAttr(node, "type") ?? "text").toLowerCase();
  const value = nodeText(node);
  if (type === "xhtml") return xhtml;
  if (type === "html" || type === "text/html") return value;
  if (type === "text" || type === "text/plain") return value === null ? null : escapeHtml(value);
  return null;
}

function atomEnclosures(entry: XmlNode, base: string | null): RawItem["enclosures"] {
  const links = nodeList(entry.linkNodes).filter((n) => nodeAttr(n, "rel") === "enclosure");
  return links.flatMap((node) => {
    const url = resolveAgainst(nodeAttr(node, "href"), base);
    const length = Number(nodeAttr(node, "length") ?? NaN);
    if (!url) return [];
    return [{ url, type: nodeAttr(node, "type"), length: Number.isFinite(length) ? length : null }];
  });
}
