/** A node as read-xml-tree builds it: text, or an object of attributes (`$`), text (`_`) and children. */
export type XmlNode = Record<string, unknown>;

/** Returns the node's text (a string, or the `_` of an element with attributes), trimmed; null if blank. */
export function nodeText(value: unknown): string | null {
  const raw = typeof value === "string" ? value : isNode(value) ? value._ : null;
  return typeof raw === "string" && raw.trim() !== "" ? raw.trim() : null;
}

/** Returns the node's attribute, trimmed; null when absent or blank. */
export function nodeAttr(value: unknown, name: string): string | null {
  const attrs = isNode(value) ? value.$ : null;
  return isNode(attrs) && Object.hasOwn(attrs, name) ? nodeText(attrs[name]) : null;
}

/** Returns the value as a list of nodes (children are lists; a lone value is a list of one). */
export function nodeList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Returns the element's children of that name (as written, prefix included), in document order. */
export function childNodes(node: unknown, name: string): unknown[] {
  return isNode(node) && Object.hasOwn(node, name) ? nodeList(node[name]) : [];
}

/** Returns the element's first child of that name, or undefined. */
export function childNode(node: unknown, name: string): unknown {
  return childNodes(node, name)[0];
}

/** Returns the text of the first of the named children that has any, or null. */
export function childText(node: unknown, ...names: string[]): string | null {
  for (const name of names) {
    const text = childNodes(node, name)
      .map(nodeText)
      .find((t) => t !== null);
    if (text) return text;
  }
  return null;
}

/** Returns true for an object node. */
export function isNode(value: unknown): value is XmlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Returns the URL resolved against `base` when both allow it, else the URL as written. */
export function resolveAgainst(url: string | null, base: string | null): string | null {
  if (url === null || base === null) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** Returns the href of the first Atom `link` node with the relation (no `rel` means `alternate`). */
export function findLink(links: unknown, rel: string): string | null {
  const link = nodeList(links).find(
    (node) =>
      (nodeAttr(node, "rel") ?? "alternate").toLowerCase() === rel && nodeAttr(node, "href"),
  );
  return link === undefined ? null : nodeAttr(link, "href");
}
