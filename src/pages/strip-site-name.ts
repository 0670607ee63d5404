import { wordCount } from "./running-text";
import { sameLetters } from "./same-letters";

// Spaced bars and dashes; after a CJK headline also a bare colon, full-width colon or bar, or "_".
const SEPARATOR = /\s+[|\-–—·»]\s+|(?<=\P{ASCII})\s*[：:｜_]\s*/gu;
// A guessed site name or section label is this short; the headline before it this long.
const LABEL_MAX_WORDS = 4;
const HEADLINE_MIN_WORDS = 4;

/** What a site is called: its stated name (og:site_name, the publisher) and its host name. */
export interface SiteNames {
  name: string | null;
  host: string | null;
}

/**
 * Returns a page title without the site's name after or before it ("Story | World News" →
 * "Story"): a part names the site when it reads as the stated name or the host name
 * ("Pastebin.com" on pastebin.com). With `guess`, for a bare `<title>`, short trailing parts
 * (at most four words: the site's name, a section label) are dropped one by one while a
 * headline of four words or more stays before them ("Story_Tech_Daily" → "Story").
 */
export function stripSiteName(title: string, site: SiteNames, guess = false): string {
  let rest = title.replace(/\s+/g, " ").trim();
  for (;;) {
    const parts = splitEnds(rest);
    if (parts === null) return rest;
    if (namesSite(parts.tail, site)) return parts.head;
    if (namesSite(parts.lead, site)) return parts.afterLead;
    if (!guess || !isLabelAfterHeadline(parts.head, parts.tail)) return rest;
    rest = parts.head;
  }
}

interface TitleEnds {
  lead: string;
  afterLead: string;
  head: string;
  tail: string;
}

// The title cut at its first and its last separator.
function splitEnds(title: string): TitleEnds | null {
  const cuts = [...title.matchAll(SEPARATOR)];
  if (cuts.length === 0) return null;
  const first = cuts[0];
  const last = cuts[cuts.length - 1];
  return {
    lead: title.slice(0, first.index).trim(),
    afterLead: title.slice((first.index ?? 0) + first[0].length).trim(),
    head: title.slice(0, last.index).trim(),
    tail: title.slice((last.index ?? 0) + last[0].length).trim(),
  };
}

function namesSite(part: string, site: SiteNames): boolean {
  const said = sameLetters(part);
  if (said === "") return false;
  const host = site.host?.replace(/^www\./i, "") ?? null;
  return [site.name, host].some((name) => name !== null && sameLetters(name) === said);
}

function isLabelAfterHeadline(head: string, tail: string): boolean {
  const words = (text: string) => wordCount(text.replace(SEPARATOR, " "));
  return words(tail) <= LABEL_MAX_WORDS && words(head) >= HEADLINE_MIN_WORDS;
}
