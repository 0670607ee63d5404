import { childNodes, childText, isNode, nodeAttr, nodeText, type XmlNode } from "./parse-xml-nodes";

/**
 * Returns an item's category texts in document order: RSS `category`, Atom `category` (its
 * `label`, the human-readable form, else its `term`), `dc:subject`, and the comma-separated
 * `media:keywords` (of the item or its `media:group`).
 */
export function parseCategories(item: XmlNode): string[] {
  const categories = childNodes(item, "category").map(
    (n) => nodeText(n) ?? nodeAttr(n, "label") ?? nodeAttr(n, "term"),
  );
  const subjects = childNodes(item, "dc:subject").map(nodeText);
  const groups = childNodes(item, "media:group").filter(isNode);
  const keywords = [item, ...groups]
    .map((holder) => childText(holder, "media:keywords") ?? "")
    .flatMap((text) => text.split(","))
    .map((keyword) => keyword.trim());
  return [...categories, ...subjects, ...keywords].filter((c): c is string => !!c);
}
