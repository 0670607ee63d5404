/** Marks block boundaries in text whose whitespace is still to collapse (a private-use character). */
export const BREAK = "\ue000";

/** Plain text and its word count (see countWords). */
export interface TextAndWords {
  text: string;
  words: number;
}

const BREAK_CODE = 0xe000;

/**
 * Returns the text as lines, one per BREAK-separated block, and its words, in one pass: control
 * characters other than tab and newline dropped, every run of whitespace one space, lines
 * trimmed, empty lines dropped, lines joined by newlines; words counted as countWords counts
 * them in the result.
 */
export function readTextLines(source: string): TextAndWords {
  return readLines(source, null) as TextAndWords;
}

/** Reads a tag or a character reference for readMarkupLines. */
export interface MarkupReader {
  /**
   * Reads the markup starting at `at` (a `<` or a `&`): returns the index after it and sets
   * `leaves` to what stays in the text (BREAK, a space, nothing, or the characters a reference
   * stands for, printable ASCII); returns -1 for markup it cannot read.
   */
  read(source: string, at: number): number;
  leaves: string;
}

/**
 * Returns readTextLines of the text the markup leaves (tags and references read by `markup`,
 * everything else text), without building that text first; null when `markup` cannot read some.
 */
export function readMarkupLines(source: string, markup: MarkupReader): TextAndWords | null {
  return readLines(source, markup);
}

function readLines(source: string, markup: MarkupReader | null): TextAndWords | null {
  let text = "";
  let words = 0;
  let start = 0; // where the kept characters not yet copied into `text` begin
  let lineHasText = false;
  let separator = ""; // owed before the next kept character: "", " " or "\n"
  let counted = false; // whether the current word-run holds a letter or digit
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (markup !== null && (code === 0x3c || code === 0x26)) {
      const end = markup.read(source, i);
      if (end < 0) return null;
      text += source.slice(start, i);
      start = end;
      i = end - 1;
      const leaves = markup.leaves;
      if (leaves === BREAK || leaves === " ") {
        counted = false;
        if (leaves === BREAK) {
          if (lineHasText) separator = "\n";
          lineHasText = false;
        } else if (lineHasText) separator = " ";
      } else if (leaves !== "") {
        if (separator !== "") {
          text += separator;
          separator = "";
        }
        text += leaves;
        lineHasText = true;
        if (!counted && isAsciiLetterOrDigit(leaves.charCodeAt(0))) {
          counted = true;
          words += 1;
        }
      }
    } else if (isPrintableAscii(code)) {
      // Printable ASCII, most of any text: kept.
      if (separator !== "") {
        text += separator;
        separator = "";
      }
      lineHasText = true;
      if (!counted && isAsciiLetterOrDigit(code)) {
        counted = true;
        words += 1;
      }
      // The plain characters and lone spaces that follow are kept as they are: one tight loop
      // over them rather than a turn of the outer loop each.
      for (let next = source.charCodeAt(i + 1); ; next = source.charCodeAt(i + 1)) {
        if (next === 0x20) {
          const after = source.charCodeAt(i + 2);
          if (!isPlain(after)) break;
          counted = false;
          i += 1;
          next = after;
        } else if (!isPlain(next)) {
          break;
        }
        i += 1;
        if (!counted && isAsciiLetterOrDigit(next)) {
          counted = true;
          words += 1;
        }
      }
    } else if (
      code === 0x20 &&
      separator === "" &&
      lineHasText &&
      isKept(source, i + 1, markup !== null)
    ) {
      // A lone space between two kept characters stays where it is, uncopied.
      counted = false;
    } else if (isControl(code)) {
      text += source.slice(start, i);
      start = i + 1;
    } else if (code === BREAK_CODE || isWhitespace(code)) {
      counted = false;
      text += source.slice(start, i);
      start = i + 1;
      if (code === BREAK_CODE) {
        if (lineHasText) separator = "\n";
        lineHasText = false;
      } else if (lineHasText) separator = " ";
    } else {
      if (separator !== "") {
        text += separator;
        separator = "";
      }
      lineHasText = true;
      if (!counted) {
        const point = code >= 0xd800 && code <= 0xdbff ? (source.codePointAt(i) ?? code) : code;
        counted = isLetterOrDigit(point);
        if (counted) words += 1;
      }
    }
  }
  if (separator === "") text += source.slice(start);
  return { text, words };
}

// Printable ASCII but markup: what a run of kept text is mostly made of.
function isPlain(code: number): boolean {
  return code > 0x20 && code < 0x7f && code !== 0x3c && code !== 0x26;
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
  return isAsciiLetterOrDigit(point);
}

// Whether the character at `i` stays in the text as it is: neither a control character,
// whitespace nor a BREAK (nor past the end), nor markup when markup is read.
function isKept(text: string, i: number, markup: boolean): boolean {
  const code = text.charCodeAt(i);
  if (markup && (code === 0x3c || code === 0x26)) return false;
  if (isPrintableAscii(code)) return true;
  return !(i >= text.length || isControl(code) || code === BREAK_CODE || isWhitespace(code));
}

function isPrintableAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

function isAsciiLetterOrDigit(code: number): boolean {
  const lower = code | 0x20;
  return (code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
}

// Control characters other than tab, newline and carriage return, the zero-width space and the
// byte order mark never belong in article text.
function isControl(code: number): boolean {
  if (code < 0x20) return code <= 0x08 || code === 0x0b || code === 0x0c || code >= 0x0e;
  return code === 0x7f || code === 0x200b || code === 0xfeff;
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
