// Spaced bars and dashes; after a CJK headline also a bare colon, full-width colon or bar, or "_".
const SEPARATOR = /\s+[|\-–—·»]\s+|(?<=\P{ASCII})\s*[：:｜_]\s*/gu;

/**
 * Returns a page title without the site's name after or before it ("Story | World News" →
 * "Story"). With `guess`, for a bare `<title>`, a short last segment (at most four words) after a
 * separator is taken for the site's name when the rest is a headline of four words or more.
 */
export function stripSiteName(title: string, siteName: string | null, guess = false): string {
  const trimmed = title.replace(/\s+/g, " ").trim();
  const cuts = [...trimmed.matchAll(SEPARATOR)];
  if (cuts.length === 0) return trimmed;
  const first = cuts[0];
  const last = cuts[cuts.length - 1];
  const head = trimmed.slice(0, last.index).trim();
  const tail = trimmed.slice((last.index ?? 0) + last[0].length).trim();
  const site = siteName?.trim().toLowerCase();
  if (site && tail.toLowerCase() === site) return head;
  const lead = trimmed.slice(0, first.index).trim();
  if (site && lead.toLowerCase() === site) {
    return trimmed.slice((first.index ?? 0) + first[0].length).trim();
  }
  const words = (text: string) => text.split(" ").length;
  return guess && words(tail) <= 4 && words(head) >= 4 ? head : trimmed;
}
