/** The text's letters and digits only, lower-cased: "Pastebin.com" and "pastebin com" read alike. */
export function sameLetters(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}
