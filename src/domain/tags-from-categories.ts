import type { Tag, TagOrigin } from "./article";
import { collapseWhitespace, htmlToPlainText } from "./plain-text";
import { slugifyTag } from "./slugify-tag";

/** Returns the tags for a list of category texts: slugged, named by the text, deduplicated by slug. */
export function tagsFromCategories(categories: readonly string[], origin: TagOrigin): Tag[] {
  const tags = new Map<string, Tag>();
  for (const category of categories) {
    const name = collapseWhitespace(htmlToPlainText(category));
    const slug = slugifyTag(name);
    if (slug && !tags.has(slug)) tags.set(slug, { slug, name, origin });
  }
  return [...tags.values()];
}
