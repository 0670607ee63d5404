import { parseDate } from "../domain/parse-date";
import type { RawItem } from "../domain/raw-feed";

/**
 * Returns the items without repeated guids: the first item with a guid wins, later ones are
 * dropped (feeds that repeat an item mean the same story). Items without a guid are all kept.
 */
export function dropRepeatedGuids(items: readonly RawItem[]): RawItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const guid = item.guid?.trim();
    if (!guid) return true;
    if (seen.has(guid)) return false;
    seen.add(guid);
    return true;
  });
}

/**
 * Returns at most `max` items, in document order: the newest by published date (else updated
 * date) when there are more. Items without a readable date rank after every dated one, in
 * document order, so for a feed without dates this is simply its first `max` items.
 */
export function selectNewestItems(items: readonly RawItem[], max: number): RawItem[] {
  const limit = Math.max(0, Math.floor(max));
  if (items.length <= limit) return [...items];
  const ranked = items.map((item, index) => ({ index, at: itemDate(item) }));
  ranked.sort((a, b) => (b.at ?? -Infinity) - (a.at ?? -Infinity) || a.index - b.index);
  const kept = ranked.slice(0, limit).map((r) => r.index);
  return kept.sort((a, b) => a - b).map((index) => items[index]);
}

function itemDate(item: RawItem): number | null {
  return parseDate(item.published) ?? parseDate(item.updated);
}
