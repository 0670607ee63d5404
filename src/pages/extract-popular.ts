import { canonicalizeUrl } from "../domain/canonical-url";
import { attrOf, textOf } from "./read-html";

// English, German, French, Spanish and Italian names of a site's own popularity list.
const POPULAR_HEADING =
  /\b(?:most[\s-]+(?:popular|read|viewed|shared|watched)|trending|popular\s+now|meistgelesen|am\s+meisten\s+gelesen|les\s+plus\s+lus|m[aá]s\s+le[ií]dos?|pi[uù]\s+letti)/i;
const MAX_RANKS = 50;

/**
 * Returns the story URLs of the page's own "Most popular" (or "Most read", "Trending") list, rank
 * 1 first: the links of the first list that follows such a heading. Empty when the page has none.
 */
export function extractPopular(document: Document, pageUrl: string): string[] {
  for (const heading of document.querySelectorAll(
    "h1, h2, h3, h4, h5, h6, [class*='heading'], [class*='title']",
  )) {
    if (!POPULAR_HEADING.test(textOf(heading))) continue;
    const list = listAfter(heading);
    if (list === null) continue;
    const urls = [...list.querySelectorAll("li a[href]")]
      .map((a) => canonicalizeUrl(attrOf(a, "href"), pageUrl))
      .filter((url): url is string => url !== null);
    const ranked = [...new Set(urls)].slice(0, MAX_RANKS);
    if (ranked.length > 0) return ranked;
  }
  return [];
}

// The list right after the heading, else the first one after it within the heading's container.
function listAfter(heading: Element): Element | null {
  for (let next = heading.nextElementSibling; next !== null; next = next.nextElementSibling) {
    if (next.matches("ol, ul")) return next;
    if (next.matches("h1, h2, h3, h4, h5, h6")) return null;
    const nested = next.querySelector("ol, ul");
    if (nested !== null) return nested;
  }
  return null;
}
