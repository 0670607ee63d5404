import { decodeHTML } from "entities";
import type { Enclosure } from "./article";
import { resolveUrl } from "./resolve-url";

/**
 * Returns the article's lead image, absolute: the item's own image, else the first enclosure with
 * an image type, else the first `<img>` of the (sanitized) content; null when there is none.
 */
export function pickImageUrl(
  itemImage: string | null,
  enclosures: readonly Enclosure[],
  contentHtml: string | null,
  baseUrl: string,
): string | null {
  const own = resolveUrl(itemImage, baseUrl);
  if (own) return own;
  const enclosure = enclosures.find((e) => e.type?.startsWith("image/"));
  if (enclosure) return enclosure.url;
  return firstImageSource(contentHtml, baseUrl);
}

function firstImageSource(html: string | null, baseUrl: string): string | null {
  const images =
    html?.matchAll(/<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi) ?? [];
  for (const match of images) {
    const url = resolveUrl(decodeHTML(match[1] ?? match[2] ?? match[3]), baseUrl);
    if (url) return url;
  }
  return null;
}
