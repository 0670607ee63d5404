import type { RawItem } from "../domain/raw-feed";
import { parseCategories } from "./parse-categories";
import { parseItemImage } from "./parse-media";
import { nodeAttr, nodeList, nodeText, resolveAgainst, type XmlNode } from "./parse-xml-nodes";

// Markup that says a description carries the story itself, not just a teaser.
const HTML_BODY = /<(?:p|div|img|figure|br|h[1-6]|ul|ol|blockquote|table)\b/i;

/**
 * Returns the RawItem of an RSS (0.9x, 1.0, 2.0) item as rss-parser read it, with links resolved
 * against `base` (the item's effective xml:base) when there is one.
 */
export function parseRssItem(item: XmlNode, base: string | null): RawItem {
  const description = nodeText(item.content) ?? nodeText(item.summary);
  const encoded = nodeText(item["content:encoded"]);
  return {
    guid: nodeText(item.guid) ?? nodeText(item["rdf:about"]),
    link: resolveAgainst(nodeText(item.link), base),
    title: nodeText(item.title),
    summary: description,
    content: encoded ?? (description && HTML_BODY.test(description) ? description : null),
    author: nodeText(item.creator) ?? nodeText(item.author),
    published: nodeText(item.pubDate) ?? nodeText(item.date),
    updated: nodeText(item.updated) ?? nodeText(item.modified),
    categories: parseCategories(item),
    enclosures: parseRssEnclosures(item, base),
    imageUrl: resolveAgainst(parseItemImage(item), base),
    language: nodeText(item.language) ?? nodeAttr(item, "xml:lang"),
  };
}

function parseRssEnclosures(item: XmlNode, base: string | null): RawItem["enclosures"] {
  return nodeList(item.enclosureNodes).flatMap((node) => {
    const url = resolveAgainst(nodeAttr(node, "url"), base);
    const length = Number(nodeAttr(node, "length") ?? NaN);
    if (!url) return [];
    return [{ url, type: nodeAttr(node, "type"), length: Number.isFinite(length) ? length : null }];
  });
}
