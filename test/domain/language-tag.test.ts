import { matchesLanguage } from "../../src/domain/language-tag";
describe("matchesLanguage", () => {
  it("takes the same tag, and a regional form of a bare language", () => {
    expect(matchesLanguage("en", "en")).toBe(true);
    expect(matchesLanguage("en", "en-GB")).toBe(true);
    expect(matchesLanguage("en-GB", "en-GB")).toBe(true);
    expect(matchesLanguage("en-GB", "en-US")).toBe(false);
    expect(matchesLanguage("en-GB", "en")).toBe(false);
    expect(matchesLanguage("en", "eng")).toBe(false);
    expect(matchesLanguage("en", null)).toBe(false);
  });
});
