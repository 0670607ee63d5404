import { escapeHtml } from "../domain/text-to-html";
import { hasChildElements, serializeInlineXml } from "./parse-inline-xml";
import { isNode, nodeAttr, nodeText } from "./parse-xml-nodes";

const XML_TYPE = /^(?:xhtml|[\w.+-]+\/(?:[\w.-]+\+)?xml)$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Returns an Atom text construct (title, subtitle, summary, content) as HTML, or null when it is
 * absent, out of line (`src`) or binary. Atom 1.0: `text` (the default) is escaped, `html` is
 * HTML, `xhtml` and other XML types are inline markup. Atom 0.3 adds `mode`: `xml` (the default)
 * is inline markup, `escaped` holds the type's content as text, `base64` holds it encoded.
 * Markup found where text was declared (a common mistake) is kept as markup rather than lost.
 */
export function readTextConstruct(node: unknown): string | null {
  if (node === undefined || nodeAttr(node, "src") !== null) return null;
  const type = (nodeAttr(node, "type") ?? "text").toLowerCase().split(";")[0].trim();
  const mode = nodeAttr(node, "mode")?.toLowerCase() ?? "xml";
  const inline = mode === "xml" && (XML_TYPE.test(type) || hasChildElements(node));
  if (inline) return isNode(node) ? serializeInlineXml(node) || null : escapeText(node);
  const text = mode === "base64" ? decodeBase64(nodeText(node)) : nodeText(node);
  if (text === null) return null;
  if (type === "html" || type === "text/html" || XML_TYPE.test(type)) return text;
  if (type === "text" || type.startsWith("text/")) return escapeHtml(text);
  return null;
}

function escapeText(node: unknown): string | null {
  const text = nodeText(node);
  return text === null ? null : escapeHtml(text);
}

function decodeBase64(text: string | null): string | null {
  const compact = text?.replace(/\s+/g, "") ?? "";
  if (compact === "" || !BASE64.test(compact)) return null;
  return Buffer.from(compact, "base64").toString("utf8").trim() || null;
}
