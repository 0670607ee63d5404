import { readZone } from "../../src/domain/date-zone";
import { parseDate } from "../../src/domain/parse-date";

const iso = (text: string) => {
  const at = parseDate(text);
  return at === null ? null : new Date(at).toISOString();
};

describe("parseDate: RFC 822 and its deviations", () => {
  it("reads an RFC 822 date with a numeric zone", () => {
    expect(iso("Thu, 05 Feb 2026 07:10:00 +0800")).toBe("2026-02-04T23:10:00.000Z");
  });

  it("reads a date without the weekday", () => {
    expect(iso("05 Feb 2026 07:10:00 -0500")).toBe("2026-02-05T12:10:00.000Z");
  });

  it("reads single-digit days, missing seconds and full month names", () => {
    expect(iso("Thu, 5 February 2026 07:10 GMT")).toBe("2026-02-05T07:10:00.000Z");
  });

  it("reads two-digit years as 20xx below 50 and 19xx from 50", () => {
    expect(iso("Tue, 3 Feb 26 14:05 +0100")).toBe("2026-02-03T13:05:00.000Z");
    expect(iso("Sun, 06 Nov 94 08:49:37 GMT")).toBe("1994-11-06T08:49:37.000Z");
  });

  it("applies the US named zones", () => {
    expect(iso("Wed, 04 Feb 2026 09:30:00 EST")).toBe("2026-02-04T14:30:00.000Z");
    expect(iso("Wed, 04 Jul 2026 09:30:00 EDT")).toBe("2026-07-04T13:30:00.000Z");
    expect(iso("Wed, 04 Feb 2026 09:30:00 CST")).toBe("2026-02-04T15:30:00.000Z");
    expect(iso("Wed, 04 Feb 2026 09:30:00 CDT")).toBe("2026-02-04T14:30:00.000Z");
    expect(iso("Wed, 04 Feb 2026 09:30:00 MST")).toBe("2026-02-04T16:30:00.000Z");
    expect(iso("Wed, 04 Feb 2026 09:30:00 MDT")).toBe("2026-02-04T15:30:00.000Z");
    expect(iso("Wed, 04 Feb 2026 09:30:00 PST")).toBe("2026-02-04T17:30:00.000Z");
    expect(iso("Wed, 04 Feb 2026 09:30:00 PDT")).toBe("2026-02-04T16:30:00.000Z");
  });

  it("reads UT, GMT and Z as UTC", () => {
    expect(iso("Wed, 04 Feb 2026 09:30:00 UT")).toBe("2026-02-04T09:30:00.000Z");
    expect(iso("Wed, 04 Feb 2026 09:30:00 GMT")).toBe("2026-02-04T09:30:00.000Z");
    expect(iso("Wed, 04 Feb 2026 09:30:00 Z")).toBe("2026-02-04T09:30:00.000Z");
  });

  it("applies military zone letters", () => {
    expect(iso("Wed, 04 Feb 2026 09:30:00 A")).toBe("2026-02-04T08:30:00.000Z");
    expect(iso("Wed, 04 Feb 2026 09:30:00 M")).toBe("2026-02-03T21:30:00.000Z");
    expect(iso("Wed, 04 Feb 2026 09:30:00 N")).toBe("2026-02-04T10:30:00.000Z");
    expect(iso("Wed, 04 Feb 2026 09:30:00 Y")).toBe("2026-02-04T21:30:00.000Z");
  });

  it("reads a date without a zone as UTC", () => {
    expect(iso("Wed, 04 Feb 2026 09:30:00")).toBe("2026-02-04T09:30:00.000Z");
  });

  it("refuses a date whose zone name it does not know, rather than guess UTC", () => {
    expect(iso("Wed, 04 Feb 2026 09:30:00 XYZ")).toBeNull();
  });

  it("reads zones written with a colon or after GMT, and ignores a trailing comment", () => {
    expect(iso("Wed, 04 Feb 2026 09:30:00 +05:30")).toBe("2026-02-04T04:00:00.000Z");
    expect(iso("Wed, 04 Feb 2026 09:30:00 GMT+8")).toBe("2026-02-04T01:30:00.000Z");
    expect(iso("Thu, 05 Feb 2026 07:10:00 +0800 (CST)")).toBe("2026-02-04T23:10:00.000Z");
  });

  it("reads RFC 850 and asctime dates", () => {
    expect(iso("Wednesday, 04-Feb-26 09:30:00 GMT")).toBe("2026-02-04T09:30:00.000Z");
    expect(iso("Wed Feb  4 09:30:00 2026")).toBe("2026-02-04T09:30:00.000Z");
  });
});

describe("parseDate: RFC 3339, ISO 8601 and W3C-DTF", () => {
  it("reads RFC 3339 timestamps with Z and with offsets", () => {
    expect(iso("2026-02-05T10:00:00Z")).toBe("2026-02-05T10:00:00.000Z");
    expect(iso("2026-02-05T10:00:00+08:00")).toBe("2026-02-05T02:00:00.000Z");
    expect(iso("2026-02-05T10:00:00-0330")).toBe("2026-02-05T13:30:00.000Z");
  });

  it("keeps fractional seconds to the millisecond", () => {
    expect(iso("2026-02-05T10:00:00.123456Z")).toBe("2026-02-05T10:00:00.123Z");
  });

  it("reads W3C-DTF dates of every precision", () => {
    expect(iso("2026")).toBe("2026-01-01T00:00:00.000Z");
    expect(iso("2026-02")).toBe("2026-02-01T00:00:00.000Z");
    expect(iso("2026-02-05")).toBe("2026-02-05T00:00:00.000Z");
    expect(iso("2026-02-05T10:00+08:00")).toBe("2026-02-05T02:00:00.000Z");
  });

  it("reads a space-separated timestamp without a zone as UTC", () => {
    expect(iso("2026-02-05 10:00:00")).toBe("2026-02-05T10:00:00.000Z");
  });
});

describe("parseDate: what it refuses", () => {
  it("returns null for text that is not a date", () => {
    expect(parseDate("yesterday-ish")).toBeNull();
    expect(parseDate("")).toBeNull();
    expect(parseDate("   ")).toBeNull();
    expect(parseDate(null)).toBeNull();
  });

  it("returns null for impossible calendar dates instead of rolling them over", () => {
    expect(parseDate("2026-02-30")).toBeNull();
    expect(parseDate("2026-13-01")).toBeNull();
    expect(parseDate("Mon, 31 Apr 2026 10:00:00 GMT")).toBeNull();
    expect(parseDate("2026-02-05T25:00:00Z")).toBeNull();
  });

  it("returns null for text longer than any date, without reading it", () => {
    expect(parseDate(`Wed, 04 Feb 2026 10:00:00 GMT${" ".repeat(200)}x`)).toBeNull();
    expect(parseDate("2026-02-04".repeat(100_000))).toBeNull();
  });

  it("returns null for an unknown month name", () => {
    expect(parseDate("05 Foo 2026 10:00:00 GMT")).toBeNull();
  });
});

describe("readZone", () => {
  it("returns fixed offsets in minutes east of UTC", () => {
    expect(readZone("+0800")).toEqual({ offset: 480 });
    expect(readZone("-05:00")).toEqual({ offset: -300 });
    expect(readZone("PDT")).toEqual({ offset: -420 });
    expect(readZone("K")).toEqual({ offset: 600 });
    expect(readZone("")).toEqual({ offset: 0 });
  });

  it("returns the region's rules for generic and IANA names", () => {
    expect(readZone("ET")).toEqual({ iana: "America/New_York" });
    expect(readZone("Europe/Paris")).toEqual({ iana: "Europe/Paris" });
  });

  it("returns null for a name it does not know", () => {
    expect(readZone("XYZ")).toBeNull();
    expect(readZone("Nowhere/Land")).toBeNull();
  });
});
