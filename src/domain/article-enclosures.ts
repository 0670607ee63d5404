import type { Enclosure } from "./article";
import type { RawItem } from "./raw-feed";
import { resolveUrl } from "./resolve-url";
import { MAX_ENCLOSURES } from "./text-limits";

/** Returns the item's enclosures with absolute http(s) URLs, clean types and lengths, one per URL, at most 20. */
export function normalizeEnclosures(raw: RawItem["enclosures"], baseUrl: string): Enclosure[] {
  const byUrl = new Map<string, Enclosure>();
  for (const enclosure of raw) {
    if (byUrl.size >= MAX_ENCLOSURES) break;
    const url = resolveUrl(enclosure.url, baseUrl);
    if (!url || byUrl.has(url)) continue;
    byUrl.set(url, { url, type: cleanType(enclosure.type), length: cleanLength(enclosure.length) });
  }
  return [...byUrl.values()];
}

function cleanType(type: string | null): string | null {
  const text = type?.trim().toLowerCase();
  return text ? text : null;
}

// Feeds write 0 or -1 for "unknown length".
function cleanLength(length: number | null): number | null {
  return length !== null && Number.isFinite(length) && length > 0 ? Math.floor(length) : null;
}
