import { featuresInSlices } from "../../src/ingest/cluster-articles";
import { storyFeaturesOf } from "../../src/domain/story-similarity";

describe("featuresInSlices", () => {
  const candidates = Array.from({ length: 1000 }, (_, i) => ({
    id: `c${i}`,
    sourceId: "wire",
    title: `Report number ${i} on the harbour storm`,
    text: "",
    publishedAt: 0,
    clusterId: null,
  }));

  it("computes every report's features, letting other work run between slices", async () => {
    let computed = 0;
    let seenByOtherWork: number | null = null;
    setImmediate(() => {
      seenByOtherWork = computed;
    });
    const known = await featuresInSlices(candidates, (c) => {
      computed++;
      return storyFeaturesOf(c);
    });
    expect(known.size).toBe(1000);
    expect(known.get(candidates[7])).toEqual(storyFeaturesOf(candidates[7]));
    // The other work ran after some slices and before the last.
    expect(seenByOtherWork).toBeGreaterThan(0);
    expect(seenByOtherWork).toBeLessThan(1000);
  });
});
