import { carryOffset } from "../../src/domain/carry-offset";
import { localeZone } from "../../src/domain/locale-zone";
import { readWrittenDate } from "../../src/domain/parse-date";
import { writtenDateText } from "../../src/domain/written-date";

describe("carryOffset", () => {
  const october = Date.UTC(2022, 9, 20, 12);
  it("carries an offset that every zone having it keeps", () => {
    expect(carryOffset(540, october, Date.UTC(2022, 0, 5))).toBe(540);
    expect(carryOffset(-240, october, Date.UTC(2022, 9, 11))).toBe(-240);
  });

  it("refuses across a possible daylight-saving change", () => {
    expect(carryOffset(-240, october, Date.UTC(2022, 0, 11))).toBeNull();
  });

  it("refuses an offset no zone had", () => {
    expect(carryOffset(17, october, october)).toBeNull();
  });
});

describe("localeZone", () => {
  const none = { lang: null, locale: null, host: null };
  it("names the clock of a language, a region or a country domain of one zone", () => {
    expect(localeZone({ ...none, lang: "ja" })).toEqual({ iana: "Asia/Tokyo" });
    expect(localeZone({ ...none, locale: "en_IN" })).toEqual({ iana: "Asia/Kolkata" });
    expect(localeZone({ ...none, host: "www.example.co.jp" })).toEqual({ iana: "Asia/Tokyo" });
  });

  it("says nothing for a country of several zones, whatever follows", () => {
    expect(localeZone({ lang: "en-US", locale: null, host: "example.de" })).toBeNull();
    expect(localeZone({ lang: "fr", locale: null, host: "ici.example.ca" })).toBeNull();
    expect(localeZone({ lang: "en", locale: null, host: "example.com" })).toBeNull();
  });
});

describe("readWrittenDate and writtenDateText", () => {
  it("tells a zone-less time from a UTC one", () => {
    expect(readWrittenDate("2022-10-17 16:01:26")?.zone).toBeNull();
    expect(readWrittenDate("2022-10-17T16:01:26Z")?.zone).toEqual({ offset: 0 });
  });

  it("writes the wall clock with the zone's offset then, or only the day", () => {
    const date = readWrittenDate("2022-03-27 12:00:00");
    if (date === null) throw new Error("unread");
    expect(writtenDateText(date, { iana: "Europe/Berlin" })).toBe("2022-03-27T12:00:00+02:00");
    expect(writtenDateText(date, null)).toBe("2022-03-27");
  });
});
