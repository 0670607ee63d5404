import { htmlPieces } from "./html-pieces";
import { referenceDigit } from "./reference-digit";

/**
 * Returns the HTML with the numeric character references in its text (not in tags, comments or
 * raw-text elements) written as the characters they stand for, when that reads the same: not
 * `<`, `&`, controls or what the parser would remap. An HTML parser makes one text node per
 * reference it decodes (linkedom keeps each as a DOM node), so a page of `&#65;` cost minutes and
 * gigabytes; written out, each run of text is one node.
 */
export function decodePlainReferences(html: string): string {
  if (!html.includes("&#")) return html;
  let result = "";
  for (const piece of htmlPieces(html)) {
    const text = html.slice(piece.start, piece.end);
    result += piece.kind === "text" ? decodeInText(text) : text;
  }
  return result;
}

// Read by hand, with no string made per reference: a replace callback per match cost as much
// as the parser did.
function decodeInText(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  // Whether the output ends in `&` and letters or digits: a character added there could
  // complete a named reference (`&` `&#65;MP;` must not become `&AMP;`).
  let afterAmpersandName = false;
  for (let amp = text.indexOf("&#"); amp >= 0; amp = text.indexOf("&#", amp + 2)) {
    const end = referenceEnd(text, amp);
    if (end < 0) continue;
    afterAmpersandName = endsInAmpersandName(text, copied, amp, afterAmpersandName);
    const code = referenceCode;
    if (afterAmpersandName || !isPlainCharacter(code)) {
      afterAmpersandName = false;
      continue;
    }
    if (amp > copied) parts.push(text.slice(copied, amp));
    parts.push(String.fromCodePoint(code));
    copied = end;
  }
  if (copied === 0) return text;
  if (copied < text.length) parts.push(text.slice(copied));
  return parts.join("");
}

// The code point of the reference referenceEnd last read (kept out of a returned object).
let referenceCode = 0;

// Returns the index past the `;` of the numeric reference at `amp` (at most 8 digits), setting
// referenceCode, or -1 when there is none.
function referenceEnd(text: string, amp: number): number {
  const hex = (text.charCodeAt(amp + 2) | 0x20) === 0x78;
  const first = hex ? amp + 3 : amp + 2;
  let code = 0;
  let at = first;
  for (let digit = referenceDigit(text.charCodeAt(at), hex); digit >= 0 && at - first < 8;) {
    code = code * (hex ? 16 : 10) + digit;
    digit = referenceDigit(text.charCodeAt(++at), hex);
  }
  if (at === first || text.charCodeAt(at) !== 0x3b) return -1;
  referenceCode = code;
  return at + 1;
}

// Whether the output will end in `&` and letters or digits once text[from, to) is added to
// output whose state was `before`.
function endsInAmpersandName(text: string, from: number, to: number, before: boolean): boolean {
  if (to <= from) return before;
  const amp = text.lastIndexOf("&", to - 1);
  const start = amp >= from ? amp + 1 : from;
  for (let i = start; i < to; i++) if (!isAlphanumeric(text.charCodeAt(i))) return false;
  return amp >= from || before;
}

function isAlphanumeric(char: number): boolean {
  const letter = char | 0x20;
  return (char >= 0x30 && char <= 0x39) || (letter >= 0x61 && letter <= 0x7a);
}

/** Returns true for a code point a reference and the character itself both read as. */
function isPlainCharacter(code: number): boolean {
  if (code === 0x3c || code === 0x26) return false;
  return (
    (code >= 0x20 && code < 0x7f) ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
