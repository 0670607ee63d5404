import { decodeHTML } from "entities";

// Every pattern stops at the next `<` or runs to the end at most once, so hostile input (thousands
// of unclosed tags) costs linear time.
const HIDDEN_OPEN = /<(script|style|noscript|template|head|title)\b/gi;
const COMMENTS = /<!--[\s\S]*?(?:-->|$)/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g;
const ATTRIBUTES = `(?:[^<>"']|"[^"<>]*"|'[^'<>]*')*`;
const BLOCK_TAGS =
  "address|article|aside|blockquote|br|caption|dd|details|div|dl|dt|figcaption|figure|footer|" +
  "h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|tfoot|thead|tr|ul";
const BLOCK_TAG = new RegExp(`<\\/?(?:${BLOCK_TAGS})\\b${ATTRIBUTES}>`, "gi");
const CELL_TAG = new RegExp(`<\\/?(?:td|th)\\b${ATTRIBUTES}>`, "gi");
const ANY_TAG = new RegExp(`<\\/?[a-zA-Z][\\w:-]*${ATTRIBUTES}>|<![^<>]*>|<\\?[^<>]*>`, "g");
// Control characters other than tab and newline never belong in article text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g;

const UNCOLLAPSED_WHITESPACE = /\s{2,}|[^\S ]/g;

// Marks block boundaries while whitespace from the source is collapsed (a private-use character).
const BREAK = "\ue000";

/** Returns the text of an HTML fragment: tags removed, entities decoded once, one line per block. */
export function htmlToPlainText(html: string): string {
  // Without a `<` there is no markup, and without a `&` nothing to decode (most titles).
  if (!MARKUP_OR_ENTITY.test(html)) return textLines(html);
  const marked = dropHiddenElements(html.replace(COMMENTS, ""))
    .replace(CDATA, (_m, inner: string) => inner.replace(/&/g, "&amp;").replace(/</g, "&lt;"))
    .replace(BLOCK_TAG, BREAK)
    .replace(CELL_TAG, " ")
    .replace(ANY_TAG, "");
  return textLines(decodeHTML(marked));
}

const MARKUP_OR_ENTITY = /[<&]/;

// Text with block breaks marked: one line per block, whitespace collapsed, empty lines dropped.
function textLines(text: string): string {
  return text
    .replace(CONTROL_CHARS, "")
    .split(BREAK)
    .map(collapseWhitespace)
    .filter((line) => line.length > 0)
    .join("\n");
}

// Removes scripts, styles and the like with their text; an unclosed one runs to the end.
function dropHiddenElements(html: string): string {
  let result = "";
  let position = 0;
  for (const open of html.matchAll(HIDDEN_OPEN)) {
    if (open.index < position) continue;
    const close = new RegExp(`</${open[1]}\\s*>`, "gi");
    close.lastIndex = open.index;
    const end = close.exec(html);
    result += `${html.slice(position, open.index)} `;
    position = end ? end.index + end[0].length : html.length;
  }
  return result + html.slice(position);
}

/** Returns an HTML fragment as one line of plain text (see htmlToPlainText), or null when empty. */
export function toPlainLine(html: string | null | undefined): string | null {
  const text = html ? collapseWhitespace(htmlToPlainText(html)) : "";
  return text || null;
}

/** Returns the text with every run of whitespace (including newlines) turned into one space, trimmed. */
export function collapseWhitespace(text: string): string {
  // Only runs that are not already one space are replaced: most text has a space between every
  // pair of words, and replacing each of those costs ten times as much.
  return text.replace(UNCOLLAPSED_WHITESPACE, " ").trim();
}

/** Returns the text cut to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  const endsAtWord = /\s/.test(text.charAt(max - 1));
  if (!endsAtWord && space > max / 2) cut = cut.slice(0, space);
  else if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s,;:.\-–—]+$/u, "")}…`;
}

/** Returns the number of words (runs of non-space characters holding a letter or digit). */
export function countWords(text: string): number {
  // One pass over the characters: splitting on whitespace first costs three times as long.
  let words = 0;
  let counted = false; // whether the current run of non-space characters holds a word
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWhitespace(code)) {
      counted = false;
    } else if (!counted) {
      const point = code >= 0xd800 && code <= 0xdbff ? (text.codePointAt(i) ?? code) : code;
      if (point > 0xffff) i += 1;
      if (isLetterOrDigit(point)) {
        counted = true;
        words += 1;
      }
    }
  }
  return words;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isLetterOrDigit(point: number): boolean {
  if (point >= 0x80) return LETTER_OR_DIGIT.test(String.fromCodePoint(point));
  const lower = point | 0x20;
  return (point >= 0x30 && point <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
}

// Exactly the characters of JavaScript's `\s`.
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
