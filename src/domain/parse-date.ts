import { readZone } from "./date-zone";
import { type WrittenDate, writtenInstant } from "./written-date";

const MAX_DATE_LENGTH = 128;
const MIN_YEAR = 1000; // `0001-01-01` (Go's zero time) and the like say "no date"

// prettier-ignore
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

// The pieces the forms share. A weekday is skipped unchecked (feeds often get it wrong),
// whether commas follow it (`Fri,24`, `Fri,, 24`) or a space; the zone is the rest of the text.
const WEEKDAY = String.raw`(?:[a-z]{2,}\.?(?:\s*,+\s*|\s+))?`;
const MONTH = String.raw`(?<mon>[a-z]{3,9})\.?`;
const TIME = String.raw`(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d+))?)?(?:\s*(?<ap>[ap])\.?m\b\.?)?`;
const BEFORE_TIME = String.raw`(?:\s*,+\s*|\s+|T)`;
const ZONE = String.raw`\s*(?<z>.*)`;

// The forms, most common first; the first that matches decides (no later form second-guesses
// a date whose zone or fields were refused).
const FORMS: RegExp[] = [
  // RFC 3339, ISO 8601 and W3C-DTF from a bare year to fractions and a zone; also `2006/09/15`.
  String.raw`^(?<y>\d{4})(?:(?<sep>[-/.])(?<mo>\d{1,2})(?:\k<sep>(?<d>\d{1,2})(?:(?:[T\s]\s*|\s*,\s*)${TIME})?)?)?${ZONE}$`,
  // RFC 822/1123/2822 and RFC 850: `Thu, 05 Feb 2026 07:10:00 +0800`, `Thursday, 05-Feb-26 ...`.
  String.raw`^${WEEKDAY}(?<d>\d{1,2})(?:st|nd|rd|th)?[\s-]*${MONTH}[\s,-]+(?<y>\d{4}|\d{2})(?!\d)(?:${BEFORE_TIME}${TIME})?${ZONE}$`,
  // Month first, as JavaScript's Date#toString and US writing do:
  // `Thu Aug 30 2012 17:26:16 GMT+0200 (CEST)`, `February 5, 2026 7:10 PM EST`.
  String.raw`^${WEEKDAY}${MONTH}\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:\s*,+\s*|\s+)(?<y>\d{4})(?:${BEFORE_TIME}${TIME})?${ZONE}$`,
  // asctime and Unix date, the year last, after an optional zone: `Thu Feb  5 07:10:00 2026`,
  // `Mon Jan 2 15:04:05 MST 2006`, `Wed Aug 27 13:08:45 +0000 2008`.
  String.raw`^${WEEKDAY}${MONTH}\s+(?<d>\d{1,2})\s+${TIME}\s+(?:(?<z>\S+(?:\s+\([^()]*\))?)\s+)?(?<y>\d{4})$`,
].map((source) => new RegExp(source, "i"));

/**
 * Returns the instant (epoch ms) a feed date denotes, or null when it cannot be read. Reads
 * RFC 822 and its deviations (no weekday, no space after its comma, doubled commas, two-digit
 * years, full month names, am/pm), RFC 850, asctime and Unix `date` (a zone before the year),
 * JavaScript's Date#toString, RFC 3339/ISO 8601, W3C-DTF and `2006/09/15 10:00`. Zones: see
 * readZone; no zone means UTC (feed formats say so), an unknown one makes the date unreadable.
 * Impossible fields (Feb 30, hour 25, second 61, offset -99:99) and non-English month names are
 * refused.
 */
export function parseDate(text: string | null | undefined): number | null {
  const written = readWrittenDate(text);
  return written === null ? null : writtenInstant(written, written.zone ?? { offset: 0 });
}

/**
 * Returns a date in the forms parseDate reads as written: its wall clock, whether it gives a
 * time of day, and its zone, null when it names none (a page's zone-less date is not known to
 * be UTC). Null when the text is no date or names a zone that is not known.
 */
export function readWrittenDate(text: string | null | undefined): WrittenDate | null {
  const value = text?.trim();
  // No date format is longer; a longer text is not one, and the patterns need not read it.
  if (!value || value.length > MAX_DATE_LENGTH) return null;
  for (const form of FORMS) {
    const groups = form.exec(value)?.groups;
    if (groups !== undefined) return written(groups);
  }
  return null;
}

type Fields = Record<string, string | undefined>;

// Builds the date from the matched fields, refusing any that Date.UTC would roll over.
function written(f: Fields): WrittenDate | null {
  const year = fullYear(f.y ?? "");
  const month = f.mon === undefined ? Number(f.mo ?? 1) : (MONTHS[f.mon.toLowerCase()] ?? 0);
  const day = Number(f.d ?? 1);
  const hour = hour24(Number(f.h ?? 0), f.ap);
  const minute = Number(f.mi ?? 0);
  const rawSecond = Number(f.s ?? 0);
  const second = rawSecond === 60 ? 59 : rawSecond; // a leap second reads as :59
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || hour === null) return null;
  if (hour > 24 || minute > 59 || second > 59) return null;
  if (hour === 24 && (minute > 0 || second > 0)) return null;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const zoneText = f.z?.trim() ?? "";
  const zone = zoneText === "" ? null : readZone(zoneText);
  if (zone === null && zoneText !== "") return null;
  const millis = f.f ? Math.floor(Number(`0.${f.f}`) * 1000) : 0;
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return { wallClock, hasTime: f.h !== undefined, zone };
}

// 12-hour clock: 12 am is 0 h, 12 pm is 12 h; an hour past 12 with am/pm is no hour.
function hour24(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour;
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem.toLowerCase() === "p";
  return (hour % 12) + (pm ? 12 : 0);
}

// RFC 2822: two-digit years below 50 are 20xx, the rest 19xx.
function fullYear(year: string): number {
  const value = Number(year);
  if (year.length !== 2) return value;
  return value < 50 ? 2000 + value : 1900 + value;
}
