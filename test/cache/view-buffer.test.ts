import { createViewBuffer } from "../../src/cache/view-buffer";

const ids = () => {
  let n = 0;
  return () => `batch-${++n}`;
};

describe("view buffer", () => {
  it("counts views per article and hour, and reports what it holds", () => {
    const buffer = createViewBuffer({ newId: ids() });
    expect(buffer.isEmpty()).toBe(true);
    buffer.add("a", "2026030510");
    buffer.add("a", "2026030510");
    buffer.add("a", "2026030511");
    buffer.add("b", "2026030511");
    expect(buffer.pendingOf(["a", "b", "c"])).toEqual(
      new Map([
        ["a", 3],
        ["b", 1],
      ]),
    );
    expect(buffer.stats()).toEqual({
      views: 4,
      entries: 3,
      uncertain: 0,
      overflow: 0,
      replayed: 0,
    });
  });

  it("drops views of new article-hours beyond the cap, counts them as overflow, and still adds to held ones", () => {
    const buffer = createViewBuffer({ newId: ids(), limits: { maxEntries: 2, maxUncertain: 1 } });
    expect(buffer.add("a", "h1")).toBe(true);
    expect(buffer.add("b", "h1")).toBe(true);
    expect(buffer.add("c", "h1")).toBe(false);
    expect(buffer.add("a", "h2")).toBe(false);
    expect(buffer.add("a", "h1")).toBe(true);
    expect(buffer.addUncertain({ articleId: "a", client: "x", hour: "h1" })).toBe(true);
    expect(buffer.addUncertain({ articleId: "a", client: "y", hour: "h1" })).toBe(false);
    expect(buffer.stats()).toMatchObject({ views: 4, entries: 2, uncertain: 1, overflow: 3 });
  });

  it("hands out batches of at most maxBatch items, and forgets a batch once applied", () => {
    const buffer = createViewBuffer({ newId: ids(), limits: { maxBatch: 2 } });
    buffer.add("a", "h1");
    buffer.add("a", "h1");
    buffer.add("b", "h1");
    buffer.addUncertain({ articleId: "c", client: "x", hour: "h1" });
    const first = buffer.nextBatch()!;
    expect(first).toEqual({
      id: "batch-1",
      counts: [
        { articleId: "a", hour: "h1", views: 2 },
        { articleId: "b", hour: "h1", views: 1 },
      ],
      uncertain: [],
    });
    buffer.settle(first.id, "applied");
    const second = buffer.nextBatch()!;
    expect(second).toEqual({
      id: "batch-2",
      counts: [],
      uncertain: [{ articleId: "c", client: "x", hour: "h1" }],
    });
    buffer.settle(second.id, "applied");
    expect(buffer.nextBatch()).toBeNull();
    expect(buffer.isEmpty()).toBe(true);
    expect(buffer.stats()).toMatchObject({ views: 0, replayed: 4 });
  });

  it("sends a batch without an answer again with the same id and contents (Redis dedupes by id)", () => {
    const buffer = createViewBuffer({ newId: ids() });
    buffer.add("a", "h1");
    const batch = buffer.nextBatch()!;
    buffer.add("a", "h1");
    buffer.settle(batch.id, "unknown");
    expect(buffer.nextBatch()).toEqual(batch);
    // Still held while unanswered: counted in what is held, under the caps.
    expect(buffer.stats()).toMatchObject({ views: 2, entries: 2 });
    buffer.settle(batch.id, "applied");
    expect(buffer.nextBatch()).toMatchObject({
      id: "batch-2",
      counts: [{ articleId: "a", views: 1 }],
    });
  });

  it("puts a refused batch back, merged with views held meanwhile, and ignores a stale settle", () => {
    const buffer = createViewBuffer({ newId: ids() });
    buffer.add("a", "h1");
    buffer.addUncertain({ articleId: "b", client: "x", hour: "h1" });
    const batch = buffer.nextBatch()!;
    buffer.add("a", "h1");
    buffer.settle("another-batch", "applied");
    buffer.settle(batch.id, "refused");
    expect(buffer.stats()).toMatchObject({ views: 3, entries: 1, uncertain: 1, replayed: 0 });
    expect(buffer.nextBatch()).toEqual({
      id: "batch-2",
      counts: [{ articleId: "a", hour: "h1", views: 2 }],
      uncertain: [{ articleId: "b", client: "x", hour: "h1" }],
    });
  });
});
