/** Returns the text with `&`, `<`, `>` and quotes escaped for use in HTML. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Returns plain text as HTML: escaped, blank-line separated paragraphs in `<p>`, line breaks as `<br>`. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\s*\n\s*/g, "<br>")}</p>`)
    .join("\n");
}
