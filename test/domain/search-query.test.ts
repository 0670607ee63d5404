import {
  parseSearchQuery,
  SearchQueryError,
  toFts5Query,
  toTsQuery,
} from "../../src/domain/search-query";

const both = (q: string) => {
  const node = parseSearchQuery(q);
  return [toFts5Query(node), toTsQuery(node)];
};

describe("parseSearchQuery", () => {
  it("requires every word, and reads phrases and prefixes", () => {
    expect(both("china trade")).toEqual(['"china" AND "trade"', "china & trade"]);
    expect(both('"trade war" robot*')).toEqual([
      '"trade war" AND "robot"*',
      "(trade <-> war) & robot:*",
    ]);
  });

  it("reads OR between alternatives and NOT or -word as exclusions", () => {
    expect(both("china OR japan")).toEqual(['("china") OR ("japan")', "(china) | (japan)"]);
    expect(both("tariffs NOT cars -boats")).toEqual([
      '("tariffs") NOT "cars" NOT "boats"',
      "tariffs & !cars & !boats",
    ]);
  });

  it("lets nothing but letters and digits through; words joined by punctuation stay together", () => {
    expect(both('a"b OR c) NEAR(d e) ^f:g')).toEqual([
      '("a b") OR ("c" AND "near d" AND "e" AND "f g")',
      "((a <-> b)) | (c & (near <-> d) & e & (f <-> g))",
    ]);
    expect(both("Café ÜBER")).toEqual(['"café" AND "über"', "café & über"]);
  });

  it.each([
    ["", /at least one word/],
    ["!!! ???", /at least one word/],
    ["-china", /NOT narrows a search/],
    ["china OR NOT japan", /NOT narrows a search/],
    ["x ".repeat(40), /at most 32 terms/],
    ["x".repeat(501), /at most 500 characters/],
  ])("refuses %j, saying why", (query, message) => {
    expect(() => parseSearchQuery(query)).toThrow(SearchQueryError);
    expect(() => parseSearchQuery(query)).toThrow(message);
  });
});
