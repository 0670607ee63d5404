import { decodeHTML } from "entities";

// The five entities XML defines are left as they are without a call per match (escaped HTML in
// a feed is full of `&lt;` and `&gt;`); every other `&` is looked at.
const AMPERSAND =
  /&(?!(?:amp|lt|gt|quot|apos);)(?:([a-zA-Z][a-zA-Z0-9]*);|#(?:([0-9]+)|[xX]([0-9a-fA-F]+));)?/g;
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
    result += xml.slice(position, stop).replace(AMPERSAND, repairEntity);
    if (open < 0) break;
    // An unclosed CDATA section runs to the end; the XML parser reports it.
    const close = xml.indexOf("]]>", open);
    position = close < 0 ? xml.length : close + 3;
    result += xml.slice(open, position);
  }
  return result;
}

function repairEntity(whole: string, name?: string, decimal?: string, hex?: string): string {
  if (decimal !== undefined) return characterReference(decimal, 10);
  if (hex !== undefined) return characterReference(hex, 16);
  if (name === undefined) return "&amp;";
  const decoded = decodeHTML(whole);
  if (decoded === whole) return `&amp;${name};`;
  return [...decoded].map((char) => `&#${char.codePointAt(0)};`).join("");
}

// Rewritten in decimal so the parser sees one canonical, valid form.
function characterReference(digits: string, radix: number): string {
  const significant = digits.replace(/^0+/, "") || "0";
  const code = significant.length > 8 ? NaN : parseInt(significant, radix);
  return `&#${isXmlChar(code) ? code : REPLACEMENT_CHARACTER};`;
}

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
