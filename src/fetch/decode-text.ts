import iconv from "iconv-lite";
import { codecFor, resolveCharset } from "./decode-charset";

/** A decoded body and the charset it was decoded from (canonical name, e.g. `windows-1252`). */
export interface DecodedText {
  text: string;
  charset: string;
}

/** How far into a body an XML declaration or HTML `<meta charset>` is looked for. */
const SNIFF_BYTES = 1024;
const XML_DECLARATION = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']\s*([^"'\s]+)\s*["']/;
const META_CHARSET = /<meta\s[^>]*?\bcharset\s*=\s*["']?\s*([^"'\s;/>]+)/i;
const CONTENT_TYPE_CHARSET = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i;
// XML 1.0 forbids these; C0 controls carry no text, so they go.
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
// Noncharacters and lone surrogates stand for a broken character, so they stay visible as U+FFFD.
const BROKEN_CHARACTERS =
  /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Returns the text of a body. The charset comes from, in order: a byte order mark, the HTTP
 * `Content-Type` charset, the XML declaration (or an HTML `<meta charset>`) in the first 1024
 * bytes, else UTF-8; a label newsgate cannot decode counts as absent, and a declared legacy
 * charset loses to bytes that are valid UTF-8 with non-ASCII text in them. Bad bytes become U+FFFD,
 * and characters XML forbids are removed (controls) or replaced (lone surrogates, U+FFFE/F).
 */
export function decodeBody(bytes: Buffer, contentType: string | null): DecodedText {
  const bom = readBom(bytes);
  const declared = headerCharset(contentType) ?? documentCharset(bytes);
  const charset = bom?.charset ?? (declared && !isPlainUtf8(bytes, declared) ? declared : "utf-8");
  const body = bytes.subarray(bom?.length ?? 0);
  let text = iconv.decode(body, codecFor(charset), { stripBOM: true });
  // iconv-lite drops a dangling odd byte of UTF-16 silently; it is a broken character.
  if (charset.startsWith("utf-16") && body.length % 2 === 1) text += "\uFFFD";
  return { text: cleanText(text), charset };
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

// Bytes that hold non-ASCII characters and are valid UTF-8 throughout are UTF-8, whatever a
// single- or multi-byte legacy charset the header or the page declares (a page saved or served
// again as UTF-8 keeps its old `<meta charset=shift_jis>`; a server says ISO-8859-1 by default):
// text really in those charsets is next to never valid UTF-8. UTF-16 declarations are left alone.
function isPlainUtf8(bytes: Buffer, declared: string): boolean {
  if (declared === "utf-8" || declared.startsWith("utf-16")) return false;
  if (!bytes.some((byte) => byte >= 0x80)) return false;
  try {
    UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Returns text without a leading BOM and with the characters XML 1.0 forbids taken out. */
export function cleanText(text: string): string {
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return unmarked.replace(XML_ILLEGAL_CONTROLS, "").replace(BROKEN_CHARACTERS, "\uFFFD");
}

/** Returns the canonical charset a `Content-Type` header names, or null (none or unknown). */
export function headerCharset(contentType: string | null): string | null {
  const match = CONTENT_TYPE_CHARSET.exec(contentType ?? "");
  const label = match?.[1] ?? match?.[2];
  return label ? resolveCharset(label) : null;
}

function readBom(bytes: Buffer): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { charset: "utf-8", length: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: "utf-16be", length: 2 };
  return null;
}

/** Returns the charset the document declares in its first bytes, or null. */
function documentCharset(bytes: Buffer): string | null {
  // `<?` in UTF-16 without a BOM (XML 1.0 appendix F).
  if (startsWith(bytes, [0x3c, 0x00, 0x3f, 0x00])) return "utf-16le";
  if (startsWith(bytes, [0x00, 0x3c, 0x00, 0x3f])) return "utf-16be";
  const head = bytes.subarray(0, SNIFF_BYTES).toString("latin1");
  const label = XML_DECLARATION.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1];
  const charset = label ? resolveCharset(label) : null;
  // A declaration readable as ASCII is not UTF-16, whatever it says (HTML's rule, too).
  return charset?.startsWith("utf-16") ? "utf-8" : charset;
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}
