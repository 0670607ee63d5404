import { MAX_CONTENT_LENGTH, MAX_CONTENT_TAGS } from "./text-limits";

// Whatever an HTML tokenizer may read as the start of a tag, comment or declaration.
const TAG_START = /<[a-zA-Z/!?]/g;

/**
 * Returns the HTML cut before the first tag that would take it past `maxTags` tags or past
 * `maxLength` characters, never inside a tag or a character reference; unchanged when it is
 * within both. The tag count
 * bounds the HTML parser's work, which grows with tags times nesting depth on hostile markup.
 */
export function capHtml(
  html: string,
  maxLength: number = MAX_CONTENT_LENGTH,
  maxTags: number = MAX_CONTENT_TAGS,
): string {
  // Every tag start takes two characters: HTML this short holds too few to pass the tag limit.
  if (html.length <= maxLength && html.length <= 2 * maxTags + 1) return html;
  let end = Math.min(html.length, maxLength);
  const tags = new RegExp(TAG_START);
  let count = 0;
  for (let m = tags.exec(html); m !== null && m.index < end; m = tags.exec(html)) {
    if (++count > maxTags) end = m.index;
  }
  if (end === html.length) return html;
  const lastOpen = html.lastIndexOf("<", end - 1);
  if (lastOpen > html.lastIndexOf(">", end - 1)) end = lastOpen;
  // Never split a character reference (`&amp;`) or a surrogate pair.
  const amp = html.lastIndexOf("&", end - 1);
  if (amp >= 0 && end - amp <= 32 && !html.slice(amp, end).includes(";")) end = amp;
  if (/[\ud800-\udbff]/.test(html.charAt(end - 1))) end -= 1;
  return html.slice(0, end);
}
