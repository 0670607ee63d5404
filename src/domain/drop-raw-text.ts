import { htmlPieces } from "./html-pieces";

// Raw-text elements whose content is never article text; an iframe's is never shown either, but
// the element itself may be a kept player.
const DROPPED = new Set(["script", "style", "xmp", "noembed", "noframes", "noscript", "textarea"]);
const HAS_RAW_TEXT =
  /<(?:script|style|xmp|iframe|noembed|noframes|noscript|textarea)[\t\n\f\r />]/i;

/**
 * Returns the HTML without the content of its raw-text elements (script, style, noscript,
 * textarea, xmp, noembed, noframes: the element too; iframe: its content), cut where a browser
 * ends them: at the first `</name`, even inside what looks like an attribute
 * (`<noscript><img alt="</noscript>">`). An HTML parser that reads such content as markup would
 * otherwise take what follows it for part of the element.
 */
export function dropRawText(html: string): string {
  if (!HAS_RAW_TEXT.test(html)) return html;
  let result = "";
  for (const piece of htmlPieces(html)) {
    if (piece.kind !== "raw" || !(DROPPED.has(piece.name) || piece.name === "iframe")) {
      result += html.slice(piece.start, piece.end);
    } else if (piece.name === "iframe") {
      const closed = piece.contentEnd < html.length;
      result += html.slice(piece.start, piece.contentStart) + (closed ? "</iframe>" : "");
    }
  }
  return result;
}
