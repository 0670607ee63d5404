import { escapeHtml } from "../domain/text-to-html";
import { hasChildElements, serializeInlineXml } from "./parse-inline-xml";
import { isNode, nodeAttr, nodeText } from "./parse-xml-nodes";

const XML_TYPE = /^(?:xhtml|[\w.+-]+\/(?:[\w.-]+\+)?xml)$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BINARY_MEDIA = /^(?:image|audio|video|font|model)\//;
const MARKUP = /<[a-z][\w-]*[\s/>]/i;
const OCTETS = "application/octet-stream";

/**
 * Returns an Atom text construct (title, subtitle, summary, content) as HTML, or null when it is
 * absent, out of line (`src`) or binary. Atom 1.0: `text` (the default) is escaped, `html` is
 * HTML, `xhtml` and other XML types are inline markup. Atom 0.3 adds `mode`: `xml` (the default)
 * is inline markup, `escaped` holds the type's content as text, `base64` holds it encoded; in
 * Atom 1.0 any other media type is base64 (`application/octet-stream` text is kept, images not),
 * and a non-binary type's text that does not decode as base64 is read as written.
 * Markup found where text was declared (a common mistake) is kept as markup rather than lost.
 */
export function readTextConstruct(node: unknown): string | null {
  if (node === undefined || nodeAttr(node, "src") !== null) return null;
  const type = (nodeAttr(node, "type") ?? "text").toLowerCase().split(";")[0].trim();
  const mode = nodeAttr(node, "mode")?.toLowerCase() ?? "xml";
  const inline = mode === "xml" && (XML_TYPE.test(type) || hasChildElements(node));
  if (inline) return isNode(node) ? serializeInlineXml(node) || null : escapeText(node);
  const textual = type === "html" || type === "text" || type.startsWith("text/");
  // Atom 1.0: content of any other media type is base64.
  const encoded = mode === "base64" || !(textual || XML_TYPE.test(type));
  const raw = nodeText(node);
  // Text under another media type that is not base64 (`application/json`, a title's made-up
  // type) was written in the clear; binary types and declared base64 never are.
  const clear = mode !== "base64" && !BINARY_MEDIA.test(type) && type !== OCTETS;
  const text = encoded ? (decodeBase64(raw) ?? (clear ? raw : null)) : raw;
  if (text === null) return null;
  if (type === "html" || type === "text/html" || XML_TYPE.test(type)) return text;
  if (textual) return escapeHtml(text);
  // Bytes of an untold type (`application/octet-stream`) that decode to text are the story.
  if (BINARY_MEDIA.test(type)) return null;
  return MARKUP.test(text) ? text : escapeHtml(text);
}

function escapeText(node: unknown): string | null {
  const text = nodeText(node);
  return text === null ? null : escapeHtml(text);
}

function decodeBase64(text: string | null): string | null {
  const compact = text?.replace(/\s+/g, "") ?? "";
  if (compact === "" || !BASE64.test(compact)) return null;
  const decoded = Buffer.from(compact, "base64").toString("utf8");
  // Bytes that are not UTF-8 text (an image, a PDF) are no story.
  if (decoded.includes("\ufffd") || decoded.includes("\u0000")) return null;
  return decoded.trim() || null;
}
