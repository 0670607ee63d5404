/** The longest slug a tag may have. */
export const MAX_TAG_SLUG_LENGTH = 64;

/**
 * Returns the tag's slug: lower case, Latin diacritics stripped, every run of characters other than
 * letters and digits turned into one `-`, trimmed of `-`, at most 64 characters (`Data Privacy` →
 * `data-privacy`). Letters of other scripts are kept, so `中国` stays a tag. Empty when nothing is left.
 */
export function slugifyTag(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_TAG_SLUG_LENGTH)
    .replace(/-+$/, "");
}
