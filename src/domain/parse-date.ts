const MAX_DATE_LENGTH = 128;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

// Offsets in minutes east of UTC. Feeds use more names than RFC 822 lists; the common ones are here.
// prettier-ignore
const NAMED_ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  HKT: 480, SGT: 480, JST: 540, KST: 540, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

// RFC 822/1123/2822 and RFC 850 shapes: optional weekday, day, month name, year, time, zone.
const RFC822 =
  /^(?:[a-z]+,?\s+)?(\d{1,2})[\s-]+([a-z]{3,})\.?[\s-]+(\d{4}|\d{2})(?!\d)(?:(?:,?\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(.*)$/i;
// asctime: `Thu Feb  5 07:10:00 2026`.
const ASCTIME = /^[a-z]+\s+([a-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})$/i;
// ISO 8601 / RFC 3339 / W3C-DTF, from a bare year to seconds with fractions and a zone.
const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i;

/**
 * Returns the instant (epoch ms) a feed date denotes, or null when it cannot be read. Accepts
 * RFC 822 and its deviations (no weekday, two-digit years, named, military and numeric zones, no
 * zone meaning UTC), RFC 850, asctime, RFC 3339/ISO 8601 and W3C-DTF (`2026-02`, `2026-02-05`).
 */
export function parseDate(text: string | null | undefined): number | null {
  const value = text?.trim();
  // No date format is longer; a longer text is not one, and the patterns need not read it.
  if (!value || value.length > MAX_DATE_LENGTH) return null;
  return parseIso(value) ?? parseRfc822(value) ?? parseAsctime(value);
}

function parseIso(value: string): number | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const offset = m[8] ? zoneOffset(m[8]) : 0;
  const millis = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  return instant([m[1], m[2] ?? "1", m[3] ?? "1", m[4], m[5], m[6]], offset, Math.floor(millis));
}

function parseRfc822(value: string): number | null {
  const m = RFC822.exec(value);
  if (!m) return null;
  const month = monthNumber(m[2]);
  const offset = zoneOffset(m[7]);
  if (month === null || offset === null) return null;
  return instant([fullYear(m[3]), String(month), m[1], m[4], m[5], m[6]], offset, 0);
}

function parseAsctime(value: string): number | null {
  const m = ASCTIME.exec(value);
  const month = m ? monthNumber(m[1]) : null;
  if (!m || month === null) return null;
  return instant([m[6], String(month), m[2], m[3], m[4], m[5]], 0, 0);
}

type DateParts = [string, string, string, string?, string?, string?];

// Builds the instant from calendar fields, rejecting fields Date.UTC would silently roll over.
function instant(parts: DateParts, offsetMinutes: number | null, millis: number): number | null {
  if (offsetMinutes === null) return null;
  const [year, month, day, hour, minute, second] = parts.map((p) => Number(p ?? 0));
  const sec = Math.min(second, 59); // a leap second :60 reads as :59
  if (month < 1 || month > 12 || day < 1 || hour > 24 || minute > 59 || sec > 59) return null;
  if (hour === 24 && (minute > 0 || sec > 0)) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, sec, millis);
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  return utc - offsetMinutes * 60_000;
}

function monthNumber(name: string): number | null {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? null : index + 1;
}

// RFC 2822: two-digit years below 50 are 20xx, the rest 19xx.
function fullYear(year: string): string {
  if (year.length === 4) return year;
  const yy = Number(year);
  return String(yy < 50 ? 2000 + yy : 1900 + yy);
}

/** Returns the zone's offset in minutes east of UTC (`+0800`, `-05:00`, `EST`, `Z`, `GMT+8`), null if unknown. */
export function zoneOffset(zone: string | undefined): number | null {
  const text = (zone ?? "")
    .trim()
    .replace(/^\((.*)\)$/, "$1")
    .toUpperCase();
  if (text === "") return 0;
  const numeric = /^(?:GMT|UTC|UT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?(?:\s*\(.*\))?$/.exec(text);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === "-" ? -minutes : minutes;
  }
  const name = text.replace(/\s*\(.*\)$/, "");
  if (name in NAMED_ZONES) return NAMED_ZONES[name];
  // RFC 2822: an unknown zone name means the offset is unknown; read it as UTC.
  return militaryOffset(name) ?? (/^[A-Z]{2,5}$/.test(name) ? 0 : null);
}

// Military letters: A-I are +1..+9, K-M +10..+12 (J is unused), N-Y are -1..-12, Z is UTC.
function militaryOffset(letter: string): number | null {
  if (!/^[A-IK-Z]$/.test(letter)) return null;
  const code = letter.charCodeAt(0);
  if (letter === "Z") return 0;
  if (letter <= "I") return (code - 64) * 60;
  if (letter <= "M") return (code - 65) * 60;
  return -(code - 77) * 60;
}
