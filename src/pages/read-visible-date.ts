import { type DateZone, readZone } from "../domain/date-zone";
import { type WrittenDate, writtenDateText } from "../domain/written-date";

// prettier-ignore
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH =
  "(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\b\\.?";
const ORDINAL = "(?:st|nd|rd|th)?";
// A time of day after the date: "4:21 PM", ", 6:47 p.m.", " at 08:34", "T20:00", " 19 h 18".
const TIME =
  "(?:(?:\\s*,)?(?:\\s*(?:at|um|à)\\s*|\\s+|T)(\\d{1,2})(?::|\\s?h\\s?)(\\d{2})(?::(\\d{2}))?(?:\\s*([ap])\\.?\\s?m\\b\\.?)?)?";

interface Form {
  pattern: RegExp;
  /** The year, month and day from the match (and the zone after it), or null when unsure. */
  fields: (match: RegExpExecArray, zone: DateZone | null) => [number, number, number] | null;
  /** The first of the match's groups that hold hour, minute, second, am/pm. */
  time: number;
}

// The forms readers see. Where several are in a text, the earliest wins.
const FORMS: Form[] = [
  // "March 1, 2026", "Dec. 22, 2016, 6:47 p.m.", "March 9 2017 4:21 PM"
  form(`\\b${MONTH}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})${TIME}`, 4, (m) => [
    Number(m[3]),
    monthOf(m[1]),
    Number(m[2]),
  ]),
  // "1 March 2026", "4 March 2026, 10:15 GMT", "1 June 2019 at 08:34 PM EDT"
  form(`\\b(\\d{1,2})${ORDINAL}\\.?\\s+${MONTH},?\\s+(\\d{4})${TIME}`, 4, (m) => [
    Number(m[3]),
    monthOf(m[2]),
    Number(m[1]),
  ]),
  // "2019/04/04", "2019.03.05", "2019.04.19 20:00", "2017-03-01 14:27:02"
  form(`(?<!\\d)(\\d{4})([./-])(\\d{1,2})\\2(\\d{1,2})(?!\\d)${TIME}`, 5, (m) => [
    Number(m[1]),
    Number(m[3]),
    Number(m[4]),
  ]),
  // "19.07.2022" as most of Europe writes it, the day first.
  form(`(?<!\\d)(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\d)${TIME}`, 4, (m) => [
    Number(m[3]),
    Number(m[2]),
    Number(m[1]),
  ]),
  // "11/28/2016 11:00 AM PT" (the US order) or "28/11/2016" (most others); see slashedDay.
  form(`(?<!\\d)(\\d{1,2})/(\\d{1,2})/(\\d{4})(?!\\d)${TIME}`, 4, slashedDay),
];

// "2019年04月21日 12時00分" (Japanese), "2017年3月1日 14:27" (Chinese): the year first.
const CJK =
  /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:[^\d]{0,6}?(\d{1,2})\s*(?:(時)|(时)|:)\s*(\d{2}))?/;
// Japanese writes 時 and Chinese 时: the script names the country's clock.
const JAPAN: DateZone = { offset: 540 };
const CHINA: DateZone = { offset: 480 };

// A zone written after the time: an upper-case name or a numeric offset, as a word of its own.
const ZONE_AFTER =
  /^\s*\(?([A-Z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})(?![A-Za-z0-9])/;

/**
 * Returns the first date a reader sees in the text ("March 1, 2026", "1 June 2019 at 08:34 PM
 * EDT", "2019/04/04", "2019.04.19 20:00", "11/28/2016 11:00 AM PT", "19.07.2022", "2019年4月2日"):
 * its wall clock, whether a time of day is shown, and the zone written after it (null when none
 * is written or the name is unknown). Null when the text holds no date.
 */
export function readDateLine(line: string): WrittenDate | null {
  // Text of adjoining elements runs together ("Link copiedDec. 13, 2016"); a capital after a
  // small letter starts a word.
  const text = line.replace(/([a-z])([A-Z])/g, "$1 $2");
  let best: { at: number; date: WrittenDate } | null = null;
  for (const { pattern, fields, time } of FORMS) {
    const match = pattern.exec(text);
    if (!match || (best !== null && match.index >= best.at)) continue;
    const zone = zoneAfter(text.slice(match.index + match[0].length), match[time] !== undefined);
    const day = fields(match, zone);
    const date = day && writtenDate(day, match.slice(time, time + 4), zone);
    if (date) best = { at: match.index, date };
  }
  const cjk = CJK.exec(text);
  if (cjk && (best === null || cjk.index < best.at)) {
    const [, year, month, day, hour, japanese, chinese, minute] = cjk;
    const zone = japanese ? JAPAN : chinese ? CHINA : null;
    const date = writtenDate([+year, +month, +day], [hour, minute, undefined, undefined], zone);
    if (date) return date;
  }
  return best?.date ?? null;
}

/**
 * Returns the first date a reader sees in the text (see readDateLine) as RFC 3339 text with its
 * offset when it shows a time and names its zone, else as its day (`2026-03-01`): a time whose
 * zone is not written is not read as UTC.
 */
export function readVisibleDate(text: string): string | null {
  const date = readDateLine(text);
  return date === null ? null : writtenDateText(date, date.zone);
}

function form(source: string, time: number, fields: Form["fields"]): Form {
  return { pattern: new RegExp(source, "i"), fields, time };
}

function monthOf(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? 0;
}

// The day of "a/b/yyyy": a part above 12 can only be the day; else the order is the US one
// when the zone written after it is an American one, and unknown otherwise.
function slashedDay(
  match: RegExpExecArray,
  zone: DateZone | null,
): [number, number, number] | null {
  const [a, b, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (a > 12 && b <= 12) return [year, b, a];
  if (b > 12 && a <= 12) return [year, a, b];
  const american =
    zone !== null && ("iana" in zone ? zone.iana.startsWith("America/") : zone.offset <= -180);
  return american ? [year, a, b] : null;
}

function zoneAfter(rest: string, hasTime: boolean): DateZone | null {
  const name = hasTime ? ZONE_AFTER.exec(rest)?.[1] : undefined;
  return name === undefined ? null : readZone(name);
}

// Builds the date, refusing fields that Date.UTC would roll over (Feb 30, 25:00).
function writtenDate(
  [year, month, day]: [number, number, number],
  [hour, minute, second, meridiem]: (string | undefined)[],
  zone: DateZone | null,
): WrittenDate | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000) return null;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const midnight = Date.UTC(year, month - 1, day);
  if (hour === undefined || minute === undefined) {
    return { wallClock: midnight, hasTime: false, zone: null };
  }
  const h = hour24(Number(hour), meridiem);
  const [mi, s] = [Number(minute), Number(second ?? 0)];
  if (h === null || h > 23 || mi > 59 || s > 59) {
    return { wallClock: midnight, hasTime: false, zone: null };
  }
  return { wallClock: Date.UTC(year, month - 1, day, h, mi, s), hasTime: true, zone };
}

function hour24(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour;
  if (hour < 1 || hour > 12) return null;
  return (hour % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
}
