import type { RawItem } from "../domain/raw-feed";
import { parseCategories } from "./parse-categories";
import { childMarkup } from "./parse-inline-xml";
import { atomAuthors } from "./parse-atom-item";
import { readTextConstruct } from "./parse-atom-content";
import { parseItemImage, parseMediaEnclosures } from "./parse-media";
import {
  childNode,
  childNodes,
  childText,
  findLink,
  nodeAttr,
  nodeText,
  resolveAgainst,
  type XmlNode,
} from "./parse-xml-nodes";

// Markup that says a description carries the story itself, not just a teaser.
const HTML_BODY = /<(?:p|div|img|figure|br|h[1-6]|ul|ol|blockquote|table)\b/i;

// Where items carry their full story besides `content:encoded`: XHTML bodies and `fullitem`.
const BODY_ELEMENTS = ["xhtml:body", "body", "fullitem"];

/**
 * Returns the RawItem of an RSS (0.90, 0.91-0.94, 1.0, 2.0) item, with links resolved against
 * `base` (the item's effective xml:base) when there is one. The link falls back to an
 * `atom:link`, then to a guid that is a permalink (RSS 2.0: unless `isPermaLink="false"`).
 */
export function parseRssItem(item: XmlNode, base: string | null): RawItem {
  const description = childMarkup(item, "description", "dc:description", "itunes:summary");
  const body =
    childText(item, "content:encoded") ??
    childMarkup(item, ...BODY_ELEMENTS) ??
    readTextConstruct(childNode(item, "atom:content"));
  return {
    guid: childMarkup(item, "guid") ?? nodeAttr(item, "rdf:about"),
    link: resolveAgainst(itemLink(item), base),
    title: childMarkup(item, "title", "dc:title"),
    summary: description,
    content: body ?? (description && HTML_BODY.test(description) ? description : null),
    contentBase: base,
    author:
      creators(item) ??
      childMarkup(item, "author", "dc:author", "itunes:author") ??
      atomAuthors(item, "atom:"),
    published: childText(
      item,
      ...["pubDate", "dc:date", "dcterms:issued", "dcterms:created", "atom:published"],
    ),
    updated: childText(item, "atom:updated", "dcterms:modified", "updated"),
    categories: parseCategories(item),
    enclosures: [...parseRssEnclosures(item, base), ...parseMediaEnclosures(item, base)],
    imageUrl: resolveAgainst(parseItemImage(item), base),
    language: childText(item, "dc:language", "language") ?? nodeAttr(item, "xml:lang"),
  };
}

function itemLink(item: XmlNode): string | null {
  return (
    childText(item, "link") ??
    findLink(childNodes(item, "atom:link"), "alternate") ??
    permalink(childNode(item, "guid"))
  );
}

function permalink(guid: unknown): string | null {
  if (nodeAttr(guid, "isPermaLink")?.toLowerCase() === "false") return null;
  const text = nodeText(guid);
  return text !== null && /^https?:\/\//i.test(text) ? text : null;
}

// Dublin Core allows several creators; they read as one byline.
function creators(item: XmlNode): string | null {
  const names = childNodes(item, "dc:creator").map(nodeText);
  return names.filter((name) => name !== null).join(", ") || null;
}

function parseRssEnclosures(item: XmlNode, base: string | null): RawItem["enclosures"] {
  return childNodes(item, "enclosure").flatMap((node) => {
    const url = resolveAgainst(nodeAttr(node, "url"), base);
    const length = Number(nodeAttr(node, "length") ?? NaN);
    if (!url) return [];
    return [{ url, type: nodeAttr(node, "type"), length: Number.isFinite(length) ? length : null }];
  });
}
