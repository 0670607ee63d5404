import { decodeHTML } from "entities";
import { referenceDigit } from "../domain/reference-digit";

// The five entities XML defines, and numeric references (read after, see repairNumeric), are
// passed over without a call per match (escaped HTML in a feed is full of `&lt;` and `&gt;`);
// every other `&` is looked at.
const AMPERSAND =
  /&(?!(?:amp|lt|gt|quot|apos);|#(?:[0-9]+|[xX][0-9a-fA-F]+);)(?:([a-zA-Z][a-zA-Z0-9]*);)?/g;
const REPLACEMENT_CHARACTER = 0xfffd;

/**
 * Returns the XML with the entity mistakes feeds make repaired, outside CDATA sections: HTML named
 * entities (`&nbsp;`, `&eacute;`) become numeric references, a bare `&` or an unknown name becomes
 * `&amp;` (so `&bogus;` reads as that text), and a character reference to something XML forbids
 * (`&#0;`, `&#xD800;`, `&#x110000;`, `&#99999999999;`) becomes U+FFFD. A strict XML parser would
 * reject the whole document for any of them; everything else is left alone.
 */
export function repairXmlEntities(xml: string): string {
  let result = "";
  let position = 0;
  while (position < xml.length) {
    const open = xml.indexOf("<![CDATA[", position);
    const stop = open < 0 ? xml.length : open;
    result += repairNumeric(xml.slice(position, stop).replace(AMPERSAND, repairEntity));
    if (open < 0) break;
    // An unclosed CDATA section runs to the end; the XML parser reports it.
    const close = xml.indexOf("]]>", open);
    position = close < 0 ? xml.length : close + 3;
    result += xml.slice(open, position);
  }
  return result;
}

function repairEntity(whole: string, name?: string): string {
  if (name === undefined) return "&amp;";
  const decoded = decodeHTML(whole);
  if (decoded === whole) return `&amp;${name};`;
  return [...decoded].map((char) => `&#${char.codePointAt(0)};`).join("");
}

/**
 * Rewrites the numeric references of text in which every `&#` starts one (the bare ones are
 * escaped already): as the character where that reads the same anywhere, text or attribute
 * value, else in decimal, one canonical, valid form. Read by hand, with no string made per
 * reference: 10 MB of `&#65;` took seconds and hundreds of MB as matches and in the parser.
 */
function repairNumeric(text: string): string {
  let amp = text.indexOf("&#");
  if (amp < 0) return text;
  const parts: string[] = [];
  let copied = 0;
  for (; amp >= 0; amp = text.indexOf("&#", copied)) {
    const hex = (text.charCodeAt(amp + 2) | 0x20) === 0x78;
    const radix = hex ? 16 : 10;
    let code = 0;
    let significant = 0;
    let end = hex ? amp + 3 : amp + 2;
    for (let digit = referenceDigit(text.charCodeAt(end), hex); digit >= 0;) {
      if (code > 0 || digit > 0) significant++;
      code = code * radix + digit;
      digit = referenceDigit(text.charCodeAt(++end), hex);
    }
    if (significant > 8) code = NaN;
    if (amp > copied) parts.push(text.slice(copied, amp));
    parts.push(characterReference(code));
    copied = end + 1;
  }
  if (copied < text.length) parts.push(text.slice(copied));
  return parts.join("");
}

function characterReference(code: number): string {
  if (code >= 0x20 && !MARKUP_CHARACTERS.has(code) && isXmlChar(code)) {
    return String.fromCodePoint(code);
  }
  return `&#${isXmlChar(code) ? code : REPLACEMENT_CHARACTER};`;
}

// `<`, `&`, `>` (`]]>`) and the quotes that end attribute values.
const MARKUP_CHARACTERS = new Set([0x3c, 0x26, 0x3e, 0x22, 0x27]);

/** Returns true for code points XML 1.0 allows in a document (its `Char` production). */
export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
