import { parseEvalArgs } from "../../../bench/eval/eval-args";

describe("parseEvalArgs", () => {
  it("runs every suite with 15 lines per list when given only the folder", () => {
    expect(parseEvalArgs(["/corpora"])).toEqual({
      folder: "/corpora",
      top: 15,
      suites: ["readability", "trafilatura", "postlight", "gofeed", "feed-rs"],
    });
  });

  it("takes --top and --only with groups and suite names, in run order", () => {
    const args = parseEvalArgs(["--only", "feed-rs,pages", "/c", "--top", "3"]);
    expect(args).toEqual({
      folder: "/c",
      top: 3,
      suites: ["readability", "trafilatura", "postlight", "feed-rs"],
    });
  });

  it("refuses a missing folder, an unknown suite or option, and a bad count", () => {
    expect(() => parseEvalArgs([])).toThrow(/usage/);
    expect(() => parseEvalArgs(["/c", "--only", "rss"])).toThrow(/usage/);
    expect(() => parseEvalArgs(["/c", "--fast"])).toThrow(/usage/);
    expect(() => parseEvalArgs(["/c", "--top", "x"])).toThrow(/usage/);
    expect(() => parseEvalArgs(["/c", "/d"])).toThrow(/usage/);
  });
});
