import { decodeHTML } from "entities";

const XML_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);
const AMPERSAND = /&(?:([a-zA-Z][a-zA-Z0-9]*);|(#[0-9]+;|#x[0-9a-fA-F]+;))?/g;

/**
 * Returns the XML with the two entity mistakes feeds make most repaired, outside CDATA sections:
 * HTML named entities (`&nbsp;`, `&eacute;`) become numeric references, and bare `&` becomes `&amp;`.
 * A strict XML parser rejects both; everything else is left alone.
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

function repairEntity(whole: string, name?: string, numeric?: string): string {
  if (numeric !== undefined) return whole;
  if (name === undefined) return "&amp;";
  if (XML_ENTITIES.has(name)) return whole;
  const decoded = decodeHTML(whole);
  if (decoded === whole) return `&amp;${name};`;
  return [...decoded].map((char) => `&#${char.codePointAt(0)};`).join("");
}
