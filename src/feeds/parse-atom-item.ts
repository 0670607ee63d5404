import type { RawItem } from "../domain/raw-feed";
import { readTextConstruct } from "./parse-atom-content";
import { parseCategories } from "./parse-categories";
import { parseItemImage, parseMediaEnclosures } from "./parse-media";
import {
  childNode,
  childNodes,
  childText,
  findLink,
  nodeAttr,
  resolveAgainst,
  type XmlNode,
} from "./parse-xml-nodes";

/** What reading an Atom entry needs besides the entry. */
export interface AtomEntryContext {
  /** The entry's effective xml:base, absolute, or null. */
  base: string | null;
  /** The feed's author, which entries without one inherit. */
  feedAuthor: string | null;
}

/**
 * Returns the RawItem of an Atom 1.0 or 0.3 entry; text constructs become HTML, and the content
 * keeps the xml:base in scope at it (the content's, else the entry's or the feed's). Dates: 1.0
 * `published`/`updated`, 0.3 `issued` (else `created`)/`modified`.
 */
export function parseAtomEntry(entry: XmlNode, ctx: AtomEntryContext): RawItem {
  const content = childNode(entry, "content");
  return {
    guid: childText(entry, "id"),
    link: resolveAgainst(findLink(childNodes(entry, "link"), "alternate"), ctx.base),
    title: readTextConstruct(childNode(entry, "title")),
    summary: readTextConstruct(childNode(entry, "summary")),
    content: readTextConstruct(content),
    // Relative links in the content resolve against the xml:base in scope there.
    contentBase: resolveAgainst(nodeAttr(content, "xml:base"), ctx.base) ?? ctx.base,
    author: atomAuthors(entry) ?? ctx.feedAuthor,
    published: childText(entry, "published", "issued", "created"),
    updated: childText(entry, "updated", "modified"),
    categories: parseCategories(entry),
    enclosures: [...atomEnclosures(entry, ctx.base), ...parseMediaEnclosures(entry, ctx.base)],
    imageUrl: resolveAgainst(parseItemImage(entry), ctx.base),
    language: nodeAttr(entry, "xml:lang"),
  };
}

/**
 * Returns the names of an Atom feed's or entry's authors as one byline (an author with only an
 * email is named by it), or null. `prefix` reads Atom embedded in RSS (`atom:author`).
 */
export function atomAuthors(holder: XmlNode, prefix = ""): string | null {
  const names = childNodes(holder, `${prefix}author`).map((author) =>
    childText(author, `${prefix}name`, `${prefix}email`),
  );
  return names.filter((name) => name !== null).join(", ") || null;
}

function atomEnclosures(entry: XmlNode, base: string | null): RawItem["enclosures"] {
  const links = childNodes(entry, "link").filter((n) => nodeAttr(n, "rel") === "enclosure");
  return links.flatMap((node) => {
    const url = resolveAgainst(nodeAttr(node, "href"), base);
    const length = Number(nodeAttr(node, "length") ?? NaN);
    if (!url) return [];
    return [{ url, type: nodeAttr(node, "type"), length: Number.isFinite(length) ? length : null }];
  });
}
