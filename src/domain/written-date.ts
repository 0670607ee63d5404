import { type DateZone, offsetAt, wallClockToInstant } from "./date-zone";

/**
 * A date as a document writes it: the wall clock it shows (its fields read as if UTC, epoch ms),
 * whether it shows a time of day, and the zone it names (null: none).
 */
export interface WrittenDate {
  wallClock: number;
  hasTime: boolean;
  zone: DateZone | null;
}

/** Returns the instant (epoch ms) the date's wall clock denotes in the zone. */
export function writtenInstant(date: WrittenDate, zone: DateZone): number {
  return wallClockToInstant(date.wallClock, zone);
}

/**
 * Returns the date as RFC 3339 text in the zone (`2019-04-21T12:00:00+09:00`: the wall clock it
 * shows, with the zone's offset then), or only its day (`2019-04-21`) when it shows no time of
 * day or no zone is known: a time whose zone is unknown is not a known instant, and the day is
 * all that can be said without inventing one.
 */
export function writtenDateText(date: WrittenDate, zone: DateZone | null): string {
  const iso = new Date(date.wallClock).toISOString();
  if (!date.hasTime || zone === null) return iso.slice(0, 10);
  const offset = offsetAt(zone, writtenInstant(date, zone));
  const millis = date.wallClock % 1000 === 0 ? "" : iso.slice(19, 23);
  return `${iso.slice(0, 19)}${millis}${offsetText(offset)}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
