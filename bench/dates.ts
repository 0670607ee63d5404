const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
// Zone names RFC 822 allows, by their offset in minutes.
const NAMED_ZONES: Record<number, string> = {
  0: "GMT",
  [-300]: "EST",
  [-240]: "EDT",
  [-420]: "PDT",
};

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

// The wall-clock fields of `ms` in a zone `offset` minutes east of UTC.
function wallClock(ms: number, offset: number): Date {
  return new Date(ms + offset * 60_000);
}

function offsetText(offset: number, colon: boolean): string {
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ":" : ""}${pad(abs % 60)}`;
}

/** Returns `ms` as an RFC 822 date (`Thu, 05 Feb 2026 07:10:00 +0800`), named zones where known. */
export function rfc822(ms: number, offset: number, named: boolean): string {
  const d = wallClock(ms, offset);
  const zone = (named && NAMED_ZONES[offset]) || offsetText(offset, false);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const day = `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]}`;
  return `${day} ${d.getUTCFullYear()} ${time} ${zone}`;
}

/** Returns `ms` as an RFC 3339 date (`2026-02-04T16:00:00+01:00`, or `Z` for UTC). */
export function rfc3339(ms: number, offset: number): string {
  const iso = wallClock(ms, offset).toISOString().slice(0, 19);
  return iso + (offset === 0 ? "Z" : offsetText(offset, true));
}

/** Returns `ms` as an HTTP date (`Thu, 05 Feb 2026 07:10:00 GMT`), as Last-Modified wants. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
