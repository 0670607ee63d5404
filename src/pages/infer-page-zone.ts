import { carryOffset } from "../domain/carry-offset";
import { type DateZone, offsetAt } from "../domain/date-zone";
import { localeZone } from "../domain/locale-zone";
import { readWrittenDate } from "../domain/parse-date";
import { type WrittenDate, writtenInstant } from "../domain/written-date";
import { attrOf, metaContent } from "./read-html";

/** A date the page states with a zone: the wall clock it shows and the offset it names. */
interface Stamp {
  wallClock: number;
  offset: number;
}

/** What a page tells about the clock its dates are written in. */
export interface ZoneEvidence {
  /** Dates the page states with a non-zero offset (attributes, JSON-LD, date lines). */
  stamps: Stamp[];
  /** The zone of the page's language or country, where that country keeps one clock. */
  locale: DateZone | null;
}

// A machine date with a time of day, as attributes and JSON-LD carry them.
const STAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const LD_STAMP = /"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[^"]{0,24})"/g;
const MAX_STAMP_CHARS = 40;
const MAX_STAMPS = 200;
const MINUTE_MS = 60_000;

/**
 * Gathers the page's evidence of its clock: every date with a time and a non-zero offset that
 * an attribute (`<meta>`, `<time datetime>`, `data-*`) or JSON-LD states, the given date lines
 * that name their zone, and the zone of its language or country (see localeZone). An offset of
 * zero is no evidence: servers stamp local times `Z` or `+00:00` too often to tell.
 */
export function gatherZoneEvidence(
  document: Document,
  pageUrl: string,
  lines: WrittenDate[],
): ZoneEvidence {
  const texts = [...attributeStamps(document), ...jsonLdStamps(document)];
  const written = texts.map((text) => readWrittenDate(text)).concat(lines);
  const stamps = written.flatMap((date) => (date ? stampOf(date) : []));
  const locale = localeZone({
    lang: attrOf(document.documentElement, "lang"),
    locale: metaContent(document, "og:locale"),
    host: hostOf(pageUrl),
  });
  return { stamps: stamps.slice(0, MAX_STAMPS), locale };
}

/**
 * Returns the zone a date written without one was most likely written in, or null when the page
 * does not tell: the offset of a date the page states for the same minute (with
 * `sameInstant`), else the offset of the nearest stated date carried over to this one where no
 * daylight-saving change can lie between (see carryOffset), else the page's locale zone.
 */
export function inferZone(
  date: WrittenDate,
  evidence: ZoneEvidence,
  sameInstant: boolean,
): DateZone | null {
  const minute = Math.floor(date.wallClock / MINUTE_MS);
  const same = evidence.stamps.find((s) => Math.floor(s.wallClock / MINUTE_MS) === minute);
  if (sameInstant && same) return { offset: same.offset };
  const nearest = [...evidence.stamps].sort(
    (a, b) => Math.abs(a.wallClock - date.wallClock) - Math.abs(b.wallClock - date.wallClock),
  )[0];
  if (nearest) {
    const seenAt = nearest.wallClock - nearest.offset * MINUTE_MS;
    const offset = carryOffset(nearest.offset, seenAt, date.wallClock - nearest.offset * MINUTE_MS);
    if (offset !== null) return { offset };
  }
  return evidence.locale;
}

function stampOf(date: WrittenDate): Stamp[] {
  if (date.zone === null || !date.hasTime) return [];
  const offset = offsetAt(date.zone, writtenInstant(date, date.zone));
  return offset === 0 ? [] : [{ wallClock: date.wallClock, offset }];
}

function attributeStamps(document: Document): string[] {
  const found: string[] = [];
  for (const element of document.querySelectorAll("*")) {
    for (const { value } of element.attributes) {
      if (value.length <= MAX_STAMP_CHARS && STAMP.test(value)) found.push(value.trim());
    }
    if (found.length >= MAX_STAMPS) break;
  }
  return found;
}

function jsonLdStamps(document: Document): string[] {
  const found: string[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    for (const match of (script.textContent ?? "").matchAll(LD_STAMP)) found.push(match[1]);
  }
  return found.slice(0, MAX_STAMPS);
}

function hostOf(pageUrl: string): string | null {
  try {
    return new URL(pageUrl).hostname;
  } catch {
    return null;
  }
}
