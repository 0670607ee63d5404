import { type DateZone } from "./date-zone";

// Countries whose whole territory keeps one clock, by ISO 3166 code (also their web domain;
// `uk` is Britain's). Countries spanning several zones (US, CA, RU, AU, BR, MX, ID) or with
// territories elsewhere (FR, ES, PT, NZ) are left out: their name says nothing about the clock.
// prettier-ignore
const COUNTRY_ZONES: Record<string, string> = {
  jp: "Asia/Tokyo", kr: "Asia/Seoul", cn: "Asia/Shanghai", tw: "Asia/Taipei",
  hk: "Asia/Hong_Kong", sg: "Asia/Singapore", ph: "Asia/Manila", th: "Asia/Bangkok",
  vn: "Asia/Ho_Chi_Minh", my: "Asia/Kuala_Lumpur", in: "Asia/Kolkata", pk: "Asia/Karachi",
  bd: "Asia/Dhaka", np: "Asia/Kathmandu", lk: "Asia/Colombo", il: "Asia/Jerusalem",
  tr: "Europe/Istanbul", gb: "Europe/London", uk: "Europe/London", ie: "Europe/Dublin",
  de: "Europe/Berlin", at: "Europe/Vienna", ch: "Europe/Zurich", it: "Europe/Rome",
  nl: "Europe/Amsterdam", be: "Europe/Brussels", lu: "Europe/Luxembourg", pl: "Europe/Warsaw",
  cz: "Europe/Prague", sk: "Europe/Bratislava", hu: "Europe/Budapest", se: "Europe/Stockholm",
  no: "Europe/Oslo", dk: "Europe/Copenhagen", fi: "Europe/Helsinki", ee: "Europe/Tallinn",
  lv: "Europe/Riga", lt: "Europe/Vilnius", gr: "Europe/Athens", ro: "Europe/Bucharest",
  bg: "Europe/Sofia", za: "Africa/Johannesburg", ng: "Africa/Lagos", ke: "Africa/Nairobi",
  eg: "Africa/Cairo", ar: "America/Argentina/Buenos_Aires", co: "America/Bogota",
  pe: "America/Lima", ve: "America/Caracas",
};

// Languages written (nearly) only in one such country, or in countries that share one clock
// (German: DE, AT, CH; Chinese: CN, TW, HK, SG, all +08:00 without daylight saving).
// prettier-ignore
const LANGUAGE_COUNTRIES: Record<string, string> = {
  ja: "jp", ko: "kr", zh: "cn", de: "de", it: "it", nl: "nl", pl: "pl", cs: "cz", sk: "sk",
  hu: "hu", sv: "se", nb: "no", nn: "no", no: "no", da: "dk", fi: "fi", et: "ee", lv: "lv",
  lt: "lt", el: "gr", ro: "ro", bg: "bg", he: "il", tr: "tr", th: "th", vi: "vn", hi: "in",
};

/** What a page says about where it is written. */
export interface LocaleHints {
  /** `<html lang>`: `ja`, `en-GB`. */
  lang: string | null;
  /** `og:locale`: `ja_JP`. */
  locale: string | null;
  /** The page's host: `news.example.co.jp`. */
  host: string | null;
}

/**
 * Returns the zone a page's clock is in, as far as its language or country tells: the first
 * country named (by a language tag's region, then by a language, then by the host's country
 * domain) decides, and only a country that keeps one clock gives a zone; null otherwise.
 */
export function localeZone(hints: LocaleHints): DateZone | null {
  const tags = [hints.lang, hints.locale].map((tag) => tag?.toLowerCase().split(/[-_]/) ?? []);
  const countries = [
    ...tags.map((parts) => (parts[1]?.length === 2 ? parts[1] : undefined)),
    ...tags.map((parts) => LANGUAGE_COUNTRIES[parts[0] ?? ""]),
    hints.host?.toLowerCase().match(/\.([a-z]{2})\.?$/)?.[1],
  ];
  // The first country named decides: `en-US` is the United States, whatever the host.
  const country = countries.find((code) => code !== undefined);
  const zone = country === undefined ? undefined : COUNTRY_ZONES[country];
  return zone === undefined ? null : { iana: zone };
}
