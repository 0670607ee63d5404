import { collapseWhitespace, htmlToPlainText } from "./plain-text";

/**
 * Returns the author as plain text, or null when blank. RSS `<author>` holds an email address with
 * the name in parentheses (`jane@example.com (Jane Doe)`): the name is kept, the address dropped.
 */
export function normalizeAuthor(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = collapseWhitespace(htmlToPlainText(raw));
  const rssForm = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  const name = rssForm ? rssForm[1].trim() : text;
  return name.length > 0 ? name : null;
}
