import { pageOfSortedList, rankedSlice, readPageRequest } from "../../resolvers/page-info";
import { decodeRankCursor, encodeRankCursor } from "../../resolvers/opaque-cursor";

describe("rankedSlice", () => {
  it("pages forward from a position and back from one", () => {
    expect(rankedSlice({ first: 2 }, 5)).toEqual({
      start: 0,
      end: 2,
      hasNextPage: true,
      hasPreviousPage: false,
    });
    expect(rankedSlice({ first: 2, after: 4 }, 5)).toMatchObject({ start: 4, end: 5 });
    expect(rankedSlice({ first: 2, before: 4 }, 5)).toMatchObject({ start: 1, end: 3 });
    expect(rankedSlice({ first: 5, before: 2 }, 5)).toMatchObject({
      start: 0,
      end: 1,
      hasPreviousPage: false,
    });
  });

  it("reads a position past the end of a list that shrank as the end", () => {
    expect(rankedSlice({ first: 2, before: 99 }, 2)).toEqual({
      start: 0,
      end: 2,
      hasNextPage: false,
      hasPreviousPage: false,
    });
    expect(rankedSlice({ first: 2, after: 99 }, 2)).toMatchObject({ start: 2, end: 2 });
  });
});

describe("rank cursors", () => {
  it("hold a position of one ranking, 1 or more, and the generation it was read in", () => {
    const cursor = encodeRankCursor("popular-DAY", { position: 3 });
    expect(decodeRankCursor(cursor, "after", "popular-DAY")).toEqual({ position: 3 });
    const kept = encodeRankCursor("hot", { position: 5, generation: "4.2.9" });
    expect(decodeRankCursor(kept, "after", "hot")).toEqual({ position: 5, generation: "4.2.9" });
    expect(() => decodeRankCursor(cursor, "after", "popular-WEEK")).toThrow(
      "after: not a cursor of this order",
    );
    expect(() =>
      decodeRankCursor(encodeRankCursor("hot", { position: 0 }), "before", "hot"),
    ).toThrow("before: not a cursor of this order");
  });
});

describe("pageOfSortedList and readPageRequest", () => {
  const compare = (a: number, b: number) => a - b;
  const list = [1, 2, 3, 4, 5];

  it("page a sorted list past a key, or just before one", () => {
    expect(pageOfSortedList(list, (n) => n, compare, { first: 2, after: 2 })).toEqual({
      items: [3, 4],
      hasNextPage: true,
      totalCount: 5,
    });
    expect(pageOfSortedList(list, (n) => n, compare, { first: 2, before: 4 })).toEqual({
      items: [2, 3],
      hasNextPage: true,
      totalCount: 5,
    });
    expect(pageOfSortedList(list, (n) => n, compare, { first: 5, before: 2 }).hasNextPage).toBe(
      false,
    );
  });

  it("refuse both cursors at once, and read last only going back", () => {
    const decode = (c: string) => Number(c);
    expect(() => readPageRequest({ first: 2, after: "1", before: "3" }, decode)).toThrow(
      "give after or before, not both",
    );
    expect(readPageRequest({ first: 2, last: 7, before: "3" }, decode)).toEqual({
      first: 7,
      before: 3,
    });
    expect(readPageRequest({ first: 2, last: 7 }, decode)).toEqual({ first: 2, after: undefined });
  });
});
