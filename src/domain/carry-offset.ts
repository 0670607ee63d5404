import { offsetAt } from "./date-zone";

// One zone for each set of daylight-saving rules in use, enough to tell whether an offset seen
// on one day still holds on another (IANA names; Intl knows their history).
// prettier-ignore
const RULE_FAMILIES = [
  "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver",
  "America/Phoenix", "America/Chicago", "America/Mexico_City", "America/New_York",
  "America/Bogota", "America/Caracas", "America/Halifax", "America/Santiago",
  "America/Asuncion", "America/St_Johns", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
  "America/Nuuk", "Atlantic/Azores", "Atlantic/Cape_Verde", "Atlantic/Reykjavik",
  "Europe/London", "Europe/Lisbon", "Africa/Casablanca", "Africa/Lagos", "Europe/Paris",
  "Africa/Johannesburg", "Europe/Athens", "Africa/Cairo", "Asia/Beirut", "Asia/Jerusalem",
  "Europe/Istanbul", "Europe/Moscow", "Africa/Nairobi", "Asia/Tehran", "Asia/Dubai",
  "Asia/Kabul", "Asia/Karachi", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Dhaka", "Asia/Yangon",
  "Asia/Bangkok", "Asia/Shanghai", "Australia/Perth", "Australia/Eucla", "Asia/Tokyo",
  "Australia/Darwin", "Australia/Adelaide", "Australia/Brisbane", "Australia/Sydney",
  "Australia/Lord_Howe", "Pacific/Noumea", "Pacific/Norfolk", "Pacific/Auckland",
  "Pacific/Chatham", "Pacific/Tongatapu", "Pacific/Kiritimati",
];

/**
 * Returns the offset (minutes east of UTC) a page's clock had at `at`, given that it had
 * `offset` at `seenAt`: the offset every zone that had it then has at `at`. Null when those
 * zones disagree (a daylight-saving change may lie between: -04:00 in October is New York's
 * summer time or Caracas's standing time, and they part in winter) or when no zone had it.
 */
export function carryOffset(offset: number, seenAt: number, at: number): number | null {
  const then = RULE_FAMILIES.filter((iana) => offsetAt({ iana }, seenAt) === offset).map((iana) =>
    offsetAt({ iana }, at),
  );
  return then.length > 0 && then.every((value) => value === then[0]) ? then[0] : null;
}
