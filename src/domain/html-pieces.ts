/**
 * One stretch of an HTML string as a browser's tokenizer reads it: text; markup (a tag, comment
 * or declaration); or a raw-text element from its start tag to the end of its end tag, whose
 * content is never markup (`contentStart` to `contentEnd`; an unclosed one runs to the end).
 */
export type HtmlPiece =
  | { kind: "text" | "markup"; start: number; end: number }
  | {
      kind: "raw";
      name: string;
      start: number;
      contentStart: number;
      contentEnd: number;
      end: number;
    };

// Elements whose content the HTML tokenizer reads as text up to `</name` (script data, RAWTEXT,
// RCDATA, and noscript as browsers with scripting read it); plaintext never ends.
const RAW_TEXT = new Set(["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"]);
const RCDATA = new Set(["textarea", "title"]);
const MARKUP_START = /<(?:[a-zA-Z!?]|\/[^>])/g;
const TAG_NAME_END = /[\t\n\f\r />]|$/g;

/** Yields the pieces of the HTML in order, covering it whole; linear in its length. */
export function* htmlPieces(html: string): Generator<HtmlPiece> {
  let position = 0;
  while (position < html.length) {
    MARKUP_START.lastIndex = position;
    const found = MARKUP_START.exec(html);
    const start = found ? found.index : html.length;
    if (start > position) yield { kind: "text", start: position, end: start };
    if (!found) return;
    const piece = readMarkup(html, start);
    yield piece;
    position = piece.end;
  }
}

function readMarkup(html: string, start: number): HtmlPiece {
  const second = html.charAt(start + 1);
  if (html.startsWith("<!--", start)) {
    const close = html.indexOf("-->", start + 4);
    return { kind: "markup", start, end: close < 0 ? html.length : close + 3 };
  }
  const first = second === "/" ? html.charAt(start + 2) : second;
  if (!/[a-zA-Z]/.test(first)) {
    // A declaration, a processing instruction or `</` with no name: a bogus comment to `>`.
    const close = html.indexOf(">", start);
    return { kind: "markup", start, end: close < 0 ? html.length : close + 1 };
  }
  const nameStart = second === "/" ? start + 2 : start + 1;
  TAG_NAME_END.lastIndex = nameStart;
  const nameEnd = TAG_NAME_END.exec(html)!.index;
  const end = tagEnd(html, nameEnd);
  const name = html.slice(nameStart, nameEnd).toLowerCase();
  if (second === "/" || !(RAW_TEXT.has(name) || RCDATA.has(name) || name === "plaintext")) {
    return { kind: "markup", start, end };
  }
  const close = name === "plaintext" ? -1 : endTagAt(html, name, end);
  if (close < 0) {
    return {
      kind: "raw",
      name,
      start,
      contentStart: end,
      contentEnd: html.length,
      end: html.length,
    };
  }
  const closeEnd = tagEnd(html, close + 2 + name.length);
  return { kind: "raw", name, start, contentStart: end, contentEnd: close, end: closeEnd };
}

// Where `</name` next starts a tag (followed by whitespace, `/` or `>`, in any case), or -1.
function endTagAt(html: string, name: string, from: number): number {
  const pattern = new RegExp(`</${name}(?=[\\t\\n\\f\\r />]|$)`, "gi");
  pattern.lastIndex = from;
  return pattern.exec(html)?.index ?? -1;
}

type TagState = "beforeName" | "name" | "afterName" | "beforeValue" | "unquoted";

/**
 * Returns the index just past the `>` that ends the tag whose attributes start at `from`, as the
 * tokenizer finds it: a `>` inside a quoted value does not end it (an unclosed quote runs to the
 * end), one anywhere else does.
 */
function tagEnd(html: string, from: number): number {
  let state: TagState = "beforeName";
  for (let i = from; i < html.length; i++) {
    const c = html.charAt(i);
    if (c === ">") return i + 1;
    const space = c === " " || c === "\t" || c === "\n" || c === "\f" || c === "\r";
    if (state === "beforeValue" && (c === '"' || c === "'")) {
      const close = html.indexOf(c, i + 1);
      if (close < 0) return html.length;
      i = close;
      state = "beforeName";
    } else if (state === "beforeValue") {
      if (!space) state = "unquoted";
    } else if (state === "unquoted") {
      if (space) state = "beforeName";
    } else if (c === "=" && (state === "name" || state === "afterName")) {
      state = "beforeValue";
    } else if (c === "/") {
      state = "beforeName";
    } else if (space) {
      if (state === "name") state = "afterName";
    } else {
      state = "name";
    }
  }
  return html.length;
}
