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

// "2019年04月21日 12時00分" (Japanese), "2017年3月1日 14:27" (Chinese): the year first, in local
// time; Japanese writes 時, Chinese 时, which gives the zone when a time of day is shown.
const CJK =
  /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:[^\d]{0,6}?(\d{1,2})\s*(?:(時)|(时)|:)\s*(\d{2}))?/;
// "19.07.2022" as most of Europe writes it: the day first, no time read.
const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/;

/**
 * Returns a date written for readers ("March 1, 2026", "4 March 2026, 10:15 GMT", with an
 * optional am/pm and zone) in the RFC 822 form parseDate reads, or null when the text holds none.
 * Also reads "2019年4月21日 12時00分" and "19.07.2022" (in the ISO form). A date without a zone is
 * read as UTC, as parseDate does.
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
  return readNumericDate(text);
}

function readNumericDate(text: string): string | null {
  const cjk = CJK.exec(text);
  if (cjk) {
    const [, year, month, day, hour, japanese, chinese, minute] = cjk;
    const date = `${year}-${pad(month)}-${pad(day)}`;
    if (!hour) return date;
    const zone = japanese ? "+09:00" : chinese ? "+08:00" : "";
    return zone ? `${date}T${pad(hour)}:${minute}:00${zone}` : date;
  }
  const dotted = DOTTED.exec(text);
  if (dotted && Number(dotted[2]) <= 12 && Number(dotted[1]) <= 31) {
    return `${dotted[3]}-${pad(dotted[2])}-${pad(dotted[1])}`;
  }
  return null;
}

function pad(value: string): string {
  return value.padStart(2, "0");
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
