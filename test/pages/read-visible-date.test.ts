import { readDateLine, readVisibleDate } from "../../src/pages/read-visible-date";

describe("readVisibleDate", () => {
  it.each([
    ["Published: Dec. 22, 2016, 6:47 p.m. CST", "2016-12-22T18:47:00-06:00"],
    ["on 1 June 2019 at 08:34 PM EDT. 51 Comments", "2019-06-01T20:34:00-04:00"],
    ["Link copiedDec. 13, 2016, 12:31 PM UTC / Updated", "2016-12-13T12:31:00+00:00"],
    ["Updated: Oct 9, 2019, 11:05 IST", "2019-10-09T11:05:00+05:30"],
    ["10/11/2022 08:00 AM EDT", "2022-10-11T08:00:00-04:00"],
    ["28/11/2016 11:00", "2016-11-28"],
    ["2019.03.05", "2019-03-05"],
    ["最終更新日：2019年4月2日", "2019-04-02"],
    ["2019年04月21日 12時00分更新", "2019-04-21T12:00:00+09:00"],
  ])("reads %j as %s", (text, expected) => {
    expect(readVisibleDate(text)).toBe(expected);
  });

  it("keeps only the day when no zone is written after the time", () => {
    expect(readVisibleDate("December 12, 2016 7:00 AM")).toBe("2016-12-12");
    expect(readDateLine("December 12, 2016 7:00 AM")).toEqual({
      wallClock: Date.UTC(2016, 11, 12, 7, 0),
      hasTime: true,
      zone: null,
    });
  });

  it("does not take a word after the time for a zone", () => {
    expect(readDateLine("March 1, 2026 9:30 am BY Ann Lee")?.zone).toBeNull();
    expect(readDateLine("Oct 9, 2019, 11:05 ISTShare")?.zone).toBeNull();
  });

  it("refuses a slashed date whose order nothing tells", () => {
    expect(readVisibleDate("10/11/2022")).toBeNull();
  });

  it("takes the date written first when the text holds several", () => {
    expect(readVisibleDate("2019/03/04 (updated March 9, 2019)")).toBe("2019-03-04");
  });
});
