import { dropRepeatedGuids, selectNewestItems } from "../../src/ingest/parse-item-selection";
import { rawItem } from "../domain/raw-item";

const item = (title: string, published: string | null = null, guid: string | null = null) =>
  rawItem({ title, published, guid });

describe("dropRepeatedGuids", () => {
  it("keeps the first item of each guid and every item without one", () => {
    const items = [
      item("a", null, "1"),
      item("b"),
      item("c", null, " 1 "),
      item("d"),
      item("e", null, "2"),
    ];
    expect(dropRepeatedGuids(items).map((i) => i.title)).toEqual(["a", "b", "d", "e"]);
  });
});

describe("selectNewestItems", () => {
  it("returns every item when there are at most max", () => {
    const items = [item("a"), item("b")];
    expect(selectNewestItems(items, 2)).toEqual(items);
  });

  it("keeps the newest, in document order", () => {
    const items = [
      item("old", "2026-01-01"),
      item("newest", "2026-03-01"),
      item("middle", "2026-02-01"),
      item("older", "2025-12-01"),
    ];
    expect(selectNewestItems(items, 2).map((i) => i.title)).toEqual(["newest", "middle"]);
  });

  it("ranks items without a readable date after dated ones, in document order", () => {
    const items = [item("u1"), item("dated", "2020-01-01"), item("u2", "garbage"), item("u3")];
    expect(selectNewestItems(items, 3).map((i) => i.title)).toEqual(["u1", "dated", "u2"]);
  });

  it("falls back to the updated date", () => {
    const items = [item("a", "2026-01-01"), rawItem({ title: "b", updated: "2026-02-01" })];
    expect(selectNewestItems(items, 1).map((i) => i.title)).toEqual(["b"]);
  });
});
