import { capHtml } from "./cap-html";
import { collapseWhitespace, htmlToPlainText, truncateAtWord } from "./plain-text";
import { MAX_AUTHOR_LENGTH } from "./text-limits";

// `me@example.com (Name)`, `Name (me@example.com)`, `Name <me@example.com>`: the name is kept.
const EMAIL_THEN_NAME = /^(?:mailto:)?[^\s()<>@]+@[^\s()<>]+\s*\((.+)\)$/i;
const NAME_THEN_EMAIL = /^(.+?)\s*[(<]\s*(?:mailto:)?[^\s()<>@]+@[^\s()<>]+\s*[)>]$/i;

/**
 * Returns the author as plain text (at most 200 characters), or null when blank. A byline that
 * pairs a name with an email address (RSS `<author>` is `jane@example.com (Jane Doe)`; feeds also
 * write `Jane Doe (jane@example.com)` and `Jane Doe <jane@example.com>`) keeps the name only.
 */
export function normalizeAuthor(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = collapseWhitespace(htmlToPlainText(capHtml(raw, MAX_AUTHOR_LENGTH * 50)));
  const paired = EMAIL_THEN_NAME.exec(text) ?? NAME_THEN_EMAIL.exec(text);
  const name = paired ? paired[1].trim() : text;
  return name.length > 0 ? truncateAtWord(name, MAX_AUTHOR_LENGTH) : null;
}
