import { nodeAttr, nodeList, nodeText, type XmlNode } from "./parse-xml-nodes";

/**
 * Returns an item's category texts in document order: RSS `category`, Atom `category` (its
 * `label`, the human-readable form, else its `term`), `dc:subject`, and the comma-separated
 * `media:keywords`.
 */
export function parseCategories(item: XmlNode): string[] {
  const categories = nodeList(item.categoryNodes).map(
    (n) => nodeText(n) ?? nodeAttr(n, "label") ?? nodeAttr(n, "term"),
  );
  const subjects = nodeList(item.subjects).map(nodeText);
  const keywords = (nodeText(item.mediaKeywords) ?? "").split(",").map((k) => k.trim());
  return [...categories, ...subjects, ...keywords].filter((c): c is string => !!c);
}
