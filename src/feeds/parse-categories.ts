import type { RawCategory } from "../domain/raw-feed";
import { hasChildElements, serializeInlineXml } from "./parse-inline-xml";
import { childNodes, childText, isNode, nodeAttr, nodeText, type XmlNode } from "./parse-xml-nodes";

/**
 * Returns an item's categories in document order: RSS `category`, Atom `category` (its `label`
 * names the tag and its `term` makes the slug; also `atom:category` in RSS), `dc:subject`, `itunes:category` (its `text`,
 * with its subcategories), `media:category`, and the comma-separated `media:keywords` (of the
 * item or its `media:group`) or `itunes:keywords`.
 */
export function parseCategories(item: XmlNode): (string | RawCategory)[] {
  const categories = [...childNodes(item, "category"), ...childNodes(item, "atom:category")].map(
    readCategory,
  );
  const subjects = childNodes(item, "dc:subject").map(nodeText);
  const itunes = childNodes(item, "itunes:category").flatMap(itunesCategories);
  const groups = childNodes(item, "media:group").filter(isNode);
  const media = [item, ...groups].flatMap((holder) =>
    childNodes(holder, "media:category").map(nodeText),
  );
  const keywords = [item, ...groups]
    .map((holder) => childText(holder, "media:keywords", "itunes:keywords") ?? "")
    .flatMap((text) => text.split(","))
    .map((keyword) => keyword.trim());
  return [...categories, ...subjects, ...itunes, ...media, ...keywords].filter(
    (c): c is string | RawCategory => !!c,
  );
}

function readCategory(node: unknown): string | RawCategory | null {
  const text =
    nodeText(node) ?? (isNode(node) && hasChildElements(node) ? serializeInlineXml(node) : null);
  if (text !== null) return text;
  const label = nodeAttr(node, "label");
  const term = nodeAttr(node, "term");
  if (label !== null && term !== null) return { name: label, term };
  return label ?? term;
}

// `<itunes:category text="Technology"><itunes:category text="Podcasting"/></itunes:category>`
function itunesCategories(node: unknown): (string | null)[] {
  return [nodeAttr(node, "text"), ...childNodes(node, "itunes:category").map(itunesText)];
}

function itunesText(node: unknown): string | null {
  return nodeAttr(node, "text");
}
