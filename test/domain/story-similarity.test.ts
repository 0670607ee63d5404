import {
  planClusters,
  SAME_STORY_THRESHOLD,
  storyScore,
  storySimilarity,
  storyWords,
  storyWordsOf,
} from "../../src/domain/story-similarity";

const HOUR = 3600_000;
const sim = (a: string, b: string) => storySimilarity(storyWords(a), storyWords(b));

describe("storySimilarity", () => {
  it("finds two outlets' headlines about one event alike, whatever their wording", () => {
    expect(
      sim(
        "China unveils new rules on car data transfers",
        "China’s new car data transfer rules unveiled",
      ),
    ).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
    expect(
      sim("AMD shares drop despite strong Q4 earnings", "AMD shares drop after Q4 earnings beat"),
    ).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
  });

  it("keeps different events on a shared subject apart", () => {
    expect(sim("China unveils car data rules", "China wins table tennis final")).toBeLessThan(
      SAME_STORY_THRESHOLD,
    );
    expect(sim("The", "A")).toBe(0);
  });
});

describe("planClusters", () => {
  const c = (
    id: string,
    sourceId: string,
    title: string,
    hoursAgo = 0,
    clusterId: string | null = null,
  ) => ({
    id,
    sourceId,
    title,
    text: "",
    publishedAt: 100 * HOUR - hoursAgo * HOUR,
    clusterId,
  });

  it("joins a report to another source's, and to the cluster that one is already in", () => {
    const stored = [
      c("s1", "wire", "Storm closes harbour"),
      c("s2", "daily", "Storm closes the harbour for three days", 1, "k1"),
    ];
    expect(
      planClusters([c("n1", "news", "Storm closes the harbour for three days")], stored),
    ).toEqual(new Map([["n1", "k1"]]));
    expect(
      planClusters([c("n2", "news", "Storm closes harbour for three days")], [stored[0]]),
    ).toEqual(
      new Map([
        ["n2", "s1"],
        ["s1", "s1"],
      ]),
    );
  });

  it("never clusters one source with itself, nor reports 48 hours apart", () => {
    const stored = [
      c("s1", "news", "Storm closes harbour for three days"),
      c("s2", "wire", "Storm closes harbour for three days", 60),
    ];
    expect(planClusters([c("n1", "news", "Storm closes harbour for three days")], stored)).toEqual(
      new Map(),
    );
  });
});

describe("storyScore", () => {
  it("joins differently worded headlines when their teasers tell the same, and only then", () => {
    const a = storyWordsOf({
      title: "Harbour closed as storm hits coast",
      text: "Port authorities shut the harbour for three days after gale force winds battered the coast.",
    });
    const b = storyWordsOf({
      title: "Storm closes harbour as gale batters coast",
      text: "The harbour was shut for three days as gale force winds battered the coast, the port said.",
    });
    const unrelated = storyWordsOf({
      title: "Harbour festival draws record crowds",
      text: "Thousands came to the summer festival with music and food stalls along the quay.",
    });
    expect(storySimilarity(a.title, b.title)).toBeLessThan(SAME_STORY_THRESHOLD);
    expect(storyScore(a, b)).toBeGreaterThanOrEqual(SAME_STORY_THRESHOLD);
    expect(storyScore(a, unrelated)).toBeLessThan(SAME_STORY_THRESHOLD);
  });
});
