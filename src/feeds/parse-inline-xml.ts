import { escapeHtml } from "../domain/text-to-html";
import { childNodes, isNode, nodeList, nodeText, type XmlNode } from "./parse-xml-nodes";

// Deeper markup is kept as its text: real content is never this deep, and the limit bounds the
// recursion whatever a document nests.
const MAX_DEPTH = 64;
const VOID_ELEMENTS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "wbr",
]);
const NAME = /^[A-Za-z_][\w.-]*$/;
const TEXT = "__text__";

/**
 * Returns the markup inside an element read in ordered mode (Atom `type="xhtml"` and other inline
 * XML), as HTML: namespace prefixes and declarations dropped, text escaped, void elements left
 * open, and the single wrapping `<div>` of an xhtml construct removed. Sanitizing comes later.
 */
export function serializeInlineXml(node: XmlNode): string {
  const children = orderedChildren(node);
  const elements = children.filter((c) => isNode(c) && c["#name"] !== TEXT);
  const blank = children.every((c) => elements.includes(c) || textOf(c).trim() === "");
  const wrapper = elements.length === 1 && blank ? elements[0] : null;
  const inner =
    isNode(wrapper) && localName(wrapper) === "div" ? orderedChildren(wrapper) : children;
  return serializeAll(inner, 0).trim();
}

/** Returns true when the element has child elements (markup), not just text and attributes. */
export function hasChildElements(node: unknown): boolean {
  return isNode(node) && Object.keys(node).some((key) => !["$", "_", "$$", "#name"].includes(key));
}

function serializeAll(nodes: unknown[], depth: number): string {
  return nodes.map((node) => serializeNode(node, depth)).join("");
}

function serializeNode(node: unknown, depth: number): string {
  if (!isNode(node) || node["#name"] === TEXT) return escapeHtml(textOf(node));
  const name = localName(node);
  if (depth >= MAX_DEPTH || !NAME.test(name)) return escapeHtml(textOf(node));
  const open = `<${name}${serializeAttributes(node.$)}>`;
  if (VOID_ELEMENTS.has(name.toLowerCase())) return open;
  return `${open}${serializeAll(orderedChildren(node), depth + 1)}</${name}>`;
}

function serializeAttributes(attrs: unknown): string {
  if (!isNode(attrs)) return "";
  return Object.entries(attrs)
    .filter(([name]) => NAME.test(name) || /^xml:/.test(name))
    .filter(([name]) => name !== "xmlns" && !name.startsWith("xmlns:"))
    .map(([name, value]) => ` ${name.replace(/^xml:/, "")}="${escapeHtml(String(value))}"`)
    .join("");
}

function orderedChildren(node: XmlNode): unknown[] {
  return nodeList(node.$$);
}

function localName(node: XmlNode): string {
  const name = typeof node["#name"] === "string" ? node["#name"] : "";
  return name.slice(name.indexOf(":") + 1);
}

function textOf(node: unknown): string {
  if (typeof node === "string") return node;
  return isNode(node) && typeof node._ === "string" ? node._ : "";
}

// Naked XHTML (child elements, written unescaped) is kept as markup, not reduced to its loose text.
/** Returns the first of the named children's text, or its markup when it is written as child elements. */
export function childMarkup(item: XmlNode, ...names: string[]): string | null {
  for (const name of names) {
    for (const node of childNodes(item, name)) {
      const text =
        isNode(node) && hasChildElements(node) ? serializeInlineXml(node) : nodeText(node);
      if (text) return text;
    }
  }
  return null;
}
