const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const TIME =
  "(?:,?\\s+(?:at\\s+)?(\\d{1,2}:\\d{2})\\s*(am|pm)?\\s*([A-Z]{2,4}|[+-]\\d{2}:?\\d{2})?)?";
// "March 1, 2026", "Mar. 1 2026 at 9:30 am EST"
const MONTH_FIRST = new RegExp(
  `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`,
  "i",
);
// "1 March 2026", "4 March 2026, 10:15 GMT"
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})${TIME}`, "i");

/**
 * Returns a date written for readers ("March 1, 2026", "4 March 2026, 10:15 GMT", with an
 * optional am/pm and zone) in the RFC 822 form parseDate reads, or null when the text holds none.
 * A date without a zone is read as UTC, as parseDate does.
 */
export function readVisibleDate(text: string): string | null {
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) {
    const [, month, day, year, time, meridiem, zone] = monthFirst;
    return rfc822(day, month, year, time, meridiem, zone);
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [, day, month, year, time, meridiem, zone] = dayFirst;
    return rfc822(day, month, year, time, meridiem, zone);
  }
  return null;
}

function rfc822(
  day: string,
  month: string,
  year: string,
  time: string | undefined,
  meridiem: string | undefined,
  zone: string | undefined,
): string {
  const clock = time ? ` ${to24h(time, meridiem)}` : "";
  return `${day} ${month.slice(0, 3)} ${year}${clock}${time && zone ? ` ${zone}` : ""}`;
}

function to24h(time: string, meridiem: string | undefined): string {
  const [hours, minutes] = time.split(":").map(Number);
  const pm = meridiem?.toLowerCase() === "pm";
  const am = meridiem?.toLowerCase() === "am";
  const h = pm && hours < 12 ? hours + 12 : am && hours === 12 ? 0 : hours;
  return `${String(h).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}
