import { capHtml } from "./cap-html";
import { collapseWhitespace, htmlToPlainText, truncateAtWord } from "./plain-text";
import { MAX_AUTHOR_LENGTH } from "./text-limits";

/**
 * Returns the author as plain text (at most 200 characters), or null when blank. RSS `<author>`
 * holds an email address with the name in parentheses (`jane@example.com (Jane Doe)`): the name
 * is kept, the address dropped.
 */
export function normalizeAuthor(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = collapseWhitespace(htmlToPlainText(capHtml(raw, MAX_AUTHOR_LENGTH * 50)));
  const rssForm = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  const name = rssForm ? rssForm[1].trim() : text;
  return name.length > 0 ? truncateAtWord(name, MAX_AUTHOR_LENGTH) : null;
}
