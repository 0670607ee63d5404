import { decodeHTML } from "entities";
import { dropRawText } from "./drop-raw-text";
import {
  BREAK,
  type MarkupReader,
  readMarkupLines,
  readTextLines,
  type TextAndWords,
} from "./text-lines";

/** Returns the number of words (defined with the text lines it is counted on). */
export { countWords } from "./text-lines";

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
const UNCOLLAPSED_WHITESPACE = /\s{2,}|[^\S ]/g;

/** Returns the text of an HTML fragment: tags removed, entities decoded once, one line per block. */
export function htmlToPlainText(html: string): string {
  return readHtmlText(html).text;
}

function readHtmlText(html: string): TextAndWords {
  // Without a `<` there is no markup, and without a `&` nothing to decode (most titles).
  if (!MARKUP_OR_ENTITY.test(html)) return readTextLines(html);
  const marked = dropHiddenElements(dropRawText(html.replace(COMMENTS, "")))
    .replace(CDATA, (_m, inner: string) => inner.replace(/&/g, "&amp;").replace(/</g, "&lt;"))
    .replace(BLOCK_TAG, BREAK)
    .replace(CELL_TAG, " ")
    .replace(ANY_TAG, "");
  return readTextLines(decodeHTML(marked));
}

const MARKUP_OR_ENTITY = /[<&]/;

const BLOCK_NAMES = new Set(
  BLOCK_TAGS.replace("h[1-6]", "h1|h2|h3|h4|h5|h6").split("|").concat(["td", "th"]),
);
const TAG_REST = new RegExp(`${ATTRIBUTES}>`, "y");
const HIDDEN_NAMES = new Set(["script", "style", "noscript", "template", "head", "title"]);

/**
 * Returns htmlToPlainText(html) and its countWords(text), in one pass over the tags instead of
 * six when every `<` opens or closes a plain tag (lower-case name, attributes with no `<` or `>`)
 * and there are no comments, CDATA sections or scripts: HTML as sanitizeContent writes it. Any
 * other HTML is read as htmlToPlainText reads it.
 */
export function readSanitizedHtmlText(html: string): TextAndWords {
  return readMarkupLines(html, createSanitizedMarkupReader()) ?? readHtmlText(html);
}

// The character references sanitized HTML holds: its escapes, and the neutralized `:` and `=`.
const SIMPLE_REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#(\d{2,3}));/y;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

// Reads plain tags (see tagMark) and simple references; anything else is left to the passes.
function createSanitizedMarkupReader(): MarkupReader {
  const reader: MarkupReader = {
    leaves: "",
    read(source, at) {
      if (source.charCodeAt(at) === 0x26) return readReference(source, at);
      const close = source.indexOf(">", at);
      const mark = close < 0 ? null : tagMark(source, at, close);
      if (mark === null) return -1;
      reader.leaves = mark;
      return close + 1;
    },
  };
  const readReference = (source: string, at: number): number => {
    SIMPLE_REFERENCE.lastIndex = at;
    const match = SIMPLE_REFERENCE.exec(source);
    if (match === null) return -1;
    const code = match[2] === undefined ? -1 : Number(match[2]);
    if (match[1] === undefined && !(code > 0x20 && code < 0x7f)) return -1;
    reader.leaves = match[1] === undefined ? String.fromCharCode(code) : NAMED[match[1]];
    return SIMPLE_REFERENCE.lastIndex;
  };
  return reader;
}

// What the tag from `open` to `close` leaves in the text (as BLOCK_TAG, CELL_TAG and ANY_TAG
// would), or null for anything else: comments, declarations, hidden elements, names in upper
// case or with punctuation, attributes those patterns would not read to this `>`.
function tagMark(html: string, open: number, close: number): string | null {
  const start = html.charCodeAt(open + 1) === 0x2f ? open + 2 : open + 1;
  let end = start;
  for (let code = html.charCodeAt(end); isNameChar(code); code = html.charCodeAt(++end));
  const next = html.charCodeAt(end);
  if (end === start || !(next === 0x20 || next === 0x2f || next === 0x3e)) return null;
  const name = html.slice(start, end);
  if (HIDDEN_NAMES.has(name) || !isLetter(html.charCodeAt(start))) return null;
  TAG_REST.lastIndex = end;
  if (!TAG_REST.test(html) || TAG_REST.lastIndex !== close + 1) return null;
  if (!BLOCK_NAMES.has(name)) return "";
  return name === "td" || name === "th" ? " " : BREAK;
}

function isLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isNameChar(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39);
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
