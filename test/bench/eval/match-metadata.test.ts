import {
  matchAuthor,
  matchDate,
  matchTitle,
  matchUrl,
  normalizeAuthor,
} from "../../../bench/eval/match-metadata";

describe("metadata matching", () => {
  it("matches titles exactly, or after decoding entities, quotes, dashes, case and spacing", () => {
    expect(matchTitle("Hello World", " Hello World ")).toBe("exact");
    expect(matchTitle("Trump’s “plan” – explained", 'trump\'s "plan" - explained')).toBe(
      "normalized",
    );
    expect(matchTitle("Fish &amp; Chips", "Fish & Chips")).toBe("normalized");
    expect(matchTitle("Hello World", "Hello World | Site")).toBe("miss");
    expect(matchTitle("Hello World", null)).toBe("miss");
  });

  it("reads bylines without 'By', e-mail addresses or brackets", () => {
    expect(normalizeAuthor("By Jane Doe")).toBe("jane doe");
    expect(normalizeAuthor("jane@example.org (Jane Doe)")).toBe("jane doe");
    expect(normalizeAuthor("jane@example.org")).toBe("jane@example.org");
    expect(matchAuthor("JANE DOE", "By Jane Doe")).toBe("normalized");
    expect(matchAuthor("Jane Doe", "John Roe")).toBe("miss");
  });

  it("matches image URLs whatever the scheme, host case, entities or trailing slash", () => {
    expect(
      matchUrl("https://Example.com/a.jpg?x=1&amp;y=2", "http://example.com/a.jpg?x=1&y=2"),
    ).toBe("normalized");
    expect(matchUrl("https://example.com/a.jpg", "https://example.com/b.jpg")).toBe("miss");
  });

  it("matches dates at the same instant, or the same day when one side knows only the day", () => {
    const at = Date.UTC(2016, 11, 16, 21, 19);
    expect(matchDate("2016-12-16T21:19:00.000Z", at)).toBe("exact");
    expect(matchDate("2016-12-16T16:19:00-05:00", at)).toBe("exact");
    expect(matchDate("2016-12-16", at)).toBe("normalized");
    expect(matchDate("2016-12-16T00:00:00.000Z", Date.UTC(2016, 11, 16, 9))).toBe("normalized");
    expect(matchDate("2016-12-16T21:19:00.000Z", at + 3_600_000)).toBe("miss");
    expect(matchDate("2016-12-14", at)).toBe("miss");
    expect(matchDate("not a date", at)).toBe("miss");
    expect(matchDate("2016-12-16", null)).toBe("miss");
  });
});
