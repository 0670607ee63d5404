/** A time zone as a date names it: a fixed offset (minutes east of UTC) or an IANA zone's rules. */
export type DateZone = { offset: number } | { iana: string };

const UTC: DateZone = { offset: 0 };
// Offsets never pass ±18:00 (ISO 8601, java.time); a larger one is a typo, not a zone.
const MAX_OFFSET_HOURS = 18;

// Zone names seen in feeds: the RFC 822 set, then the common abbreviations, fixed offsets in
// minutes east of UTC. A generic name (ET, CT, PT: "Eastern Time" whatever the season) follows
// its region's rules. IST is India's (+05:30), the reading of nearly every feed that writes it.
// prettier-ignore
const NAMED_ZONES: Record<string, number | string> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, IST: 330,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AST: -240, ADT: -180, NST: -210, NDT: -150, AKST: -540, AKDT: -480, HST: -600, HDT: -540,
  ET: "America/New_York", CT: "America/Chicago", MT: "America/Denver",
  PT: "America/Los_Angeles", AT: "America/Halifax",
  CET: 60, CEST: 120, MET: 60, MEST: 120, MEZ: 60, MESZ: 120, EET: 120, EEST: 180,
  MSK: 180, WAT: 60, CAT: 120, SAST: 120, EAT: 180, PKT: 300, NPT: 345, ICT: 420, WIB: 420,
  HKT: 480, SGT: 480, PHT: 480, AWST: 480, JST: 540, KST: 540, ACST: 570, ACDT: 630,
  AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

const NUMERIC = /^(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?(?:\s+[A-Z]{1,5})?$/i;
const COMMENT = /\s*\(([^()]*)\)$/;
const IANA_NAME = /^[A-Za-z][\w+-]*(?:\/[\w+-]+){1,2}$/;

/**
 * Returns the zone a date's trailing zone text names: empty (no zone: UTC), `Z`, numeric
 * offsets (`+0800`, `-05:00`, `GMT+2`), the names in NAMED_ZONES, military letters, and IANA
 * names (`Europe/Paris`, `Etc/GMT-3`); a trailing comment (`+0200 (CEST)`) is ignored. Returns
 * null for anything else: an unknown zone is not guessed to be UTC.
 */
export function readZone(text: string): DateZone | null {
  const comment = COMMENT.exec(text);
  const zone = comment ? text.slice(0, comment.index) || comment[1].trim() : text;
  if (zone === "") return UTC;
  const numeric = NUMERIC.exec(zone);
  if (numeric) return numericZone(numeric[1], numeric[2], numeric[3]);
  const named = NAMED_ZONES[zone.toUpperCase()];
  if (typeof named === "number") return { offset: named };
  if (typeof named === "string") return { iana: named };
  if (IANA_NAME.test(zone)) return knownIanaZone(zone);
  const military = militaryOffset(zone.toUpperCase());
  return military === null ? null : { offset: military };
}

/** Returns the instant (epoch ms) of a wall-clock time (fields read as if UTC) in the zone. */
export function wallClockToInstant(wallClock: number, zone: DateZone): number {
  if ("offset" in zone) return wallClock - zone.offset * 60_000;
  // The offset at the guess is right except across a transition; a second look settles it.
  const guess = wallClock - ianaOffset(zone.iana, wallClock) * 60_000;
  return wallClock - ianaOffset(zone.iana, guess) * 60_000;
}

/** Returns the zone's offset (minutes east of UTC) at the instant. */
export function offsetAt(zone: DateZone, at: number): number {
  return "offset" in zone ? zone.offset : ianaOffset(zone.iana, at);
}

function numericZone(sign: string, hours: string, minutes = "0"): DateZone | null {
  const h = Number(hours);
  const m = Number(minutes);
  if (h > MAX_OFFSET_HOURS || m > 59) return null;
  const offset = h * 60 + m;
  return { offset: sign === "-" ? -offset : offset };
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

// One formatter per zone name a feed used (Intl knows the IANA database); bounded, since the
// names come from documents.
const MAX_FORMATTERS = 256;
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function knownIanaZone(name: string): DateZone | null {
  return ianaFormatter(name) === null ? null : { iana: name };
}

function ianaFormatter(name: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(name);
  if (cached !== undefined) return cached;
  let formatter: Intl.DateTimeFormat | null;
  try {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    formatter = null; // RangeError: not a zone Intl knows
  }
  if (formatters.size >= MAX_FORMATTERS) formatters.clear();
  formatters.set(name, formatter);
  return formatter;
}

// Minutes east of UTC in the zone at the instant: its wall clock then, less the instant.
function ianaOffset(name: string, at: number): number {
  const formatter = ianaFormatter(name);
  if (formatter === null) return 0;
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(at)) fields[part.type] = Number(part.value);
  const { year, month, day, hour, minute, second } = fields;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
}
