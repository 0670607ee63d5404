import { stripSiteName } from "../../src/pages/strip-site-name";

const SITE = { name: "Daily Planet", host: "www.planet.example" };

describe("stripSiteName", () => {
  it("drops the stated site name after or before the headline", () => {
    expect(stripSiteName("Council shelves the plan | Daily Planet", SITE)).toBe(
      "Council shelves the plan",
    );
    expect(stripSiteName("Daily Planet - Council shelves the plan", SITE)).toBe(
      "Council shelves the plan",
    );
  });

  it("drops the host name written as a site name", () => {
    expect(stripSiteName("atg 1700 - Planet.example", SITE)).toBe("atg 1700");
  });

  it("guesses only short trailing labels after a headline of four words or more", () => {
    expect(stripSiteName("Get your code covered today | Code | Ann Lee", SITE, true)).toBe(
      "Get your code covered today",
    );
    expect(stripSiteName("Ferry returns | Local News", SITE, true)).toBe(
      "Ferry returns | Local News",
    );
  });

  it("does not count separators as words, and counts CJK characters two to a word", () => {
    expect(
      stripSiteName("ADV-2026-0042 - Advisory DB - 脆弱性対策情報データベース", SITE, true),
    ).toBe("ADV-2026-0042 - Advisory DB - 脆弱性対策情報データベース");
    expect(stripSiteName("留学生看两会出国前后关注点大不同_教育频道", SITE, true)).toBe(
      "留学生看两会出国前后关注点大不同",
    );
  });
});
