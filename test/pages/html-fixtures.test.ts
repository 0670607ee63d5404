import { differences, htmlFixtureNames, parseHtmlFixture } from "../../bench/html-fixtures";

describe("HTML fixture pages (test/fixtures/html: real layouts, each with its expected result)", () => {
  it("has a fixture for every layout the extractor must read", () => {
    expect(htmlFixtureNames().length).toBeGreaterThanOrEqual(16);
  });

  it.each(htmlFixtureNames())("reads %s exactly as expected", async (name) => {
    const { expected, parsed } = await parseHtmlFixture(name);
    expect(differences(expected, parsed)).toEqual([]);
  });
});
