import type { Tag, TagOrigin } from "./article";
import { capHtml } from "./cap-html";
import { collapseWhitespace, htmlToPlainText, truncateAtWord } from "./plain-text";
import type { RawCategory } from "./raw-feed";
import { slugifyTag } from "./slugify-tag";
import { MAX_TAG_NAME_LENGTH, MAX_TAGS } from "./text-limits";

/**
 * Returns the tags for a list of categories: plain text, slugged, named by the text (at most
 * 100 characters), deduplicated by slug, at most 50 (the first). A category with a `term` is
 * slugged from the term and named by its `name` (Atom `term` and `label`).
 */
export function tagsFromCategories(
  categories: readonly (string | RawCategory)[],
  origin: TagOrigin,
): Tag[] {
  const tags = new Map<string, Tag>();
  for (const category of categories) {
    if (tags.size >= MAX_TAGS) break;
    const name = plainName(typeof category === "string" ? category : category.name);
    const slug = slugifyTag(typeof category === "string" ? name : termSlugSource(category.term));
    if (slug && name && !tags.has(slug)) tags.set(slug, { slug, name, origin });
  }
  return [...tags.values()];
}

function plainName(text: string): string {
  const plain = collapseWhitespace(htmlToPlainText(capHtml(text, MAX_TAG_NAME_LENGTH * 50)));
  return truncateAtWord(plain, MAX_TAG_NAME_LENGTH);
}

// A term that is a URL (`https://example.com/tags/data-privacy`) is slugged from its last step.
function termSlugSource(term: string): string {
  const capped = term.slice(0, MAX_TAG_NAME_LENGTH * 50);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(capped)) return capped;
  const steps = capped
    .replace(/[?#].*$/, "")
    .split("/")
    .filter(Boolean);
  return decodeStep(steps[steps.length - 1] ?? "");
}

function decodeStep(step: string): string {
  try {
    return decodeURIComponent(step);
  } catch {
    return step;
  }
}
