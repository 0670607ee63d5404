import type { Tag, TagOrigin } from "./article";
import { capHtml } from "./cap-html";
import { collapseWhitespace, htmlToPlainText, truncateAtWord } from "./plain-text";
import { slugifyTag } from "./slugify-tag";
import { MAX_TAG_NAME_LENGTH, MAX_TAGS } from "./text-limits";

/**
 * Returns the tags for a list of category texts: plain text, slugged, named by the text (at most
 * 100 characters), deduplicated by slug, at most 50 (the first).
 */
export function tagsFromCategories(categories: readonly string[], origin: TagOrigin): Tag[] {
  const tags = new Map<string, Tag>();
  for (const category of categories) {
    if (tags.size >= MAX_TAGS) break;
    const text = collapseWhitespace(htmlToPlainText(capHtml(category, MAX_TAG_NAME_LENGTH * 50)));
    const name = truncateAtWord(text, MAX_TAG_NAME_LENGTH);
    const slug = slugifyTag(name);
    if (slug && !tags.has(slug)) tags.set(slug, { slug, name, origin });
  }
  return [...tags.values()];
}
