import { readFileSync } from "node:fs";
import { join } from "node:path";
import { headlineMarks, marksConflict, foldText } from "../../src/domain/headline-marks";
import { hammingDistance, simHash } from "../../src/domain/sim-hash";
import {
  MIN_TITLE_SIMILARITY,
  planClusters,
  SAME_HEADLINE_SIMILARITY,
  SIMHASH_MAX_DISTANCE,
  storyFeaturesOf,
  storyMatch,
  storyWords,
} from "../../src/domain/story-similarity";
import { jaccard, trigramsOf } from "../../src/domain/trigram-similarity";

const HOUR = 3600_000;
const titleSim = (a: string, b: string) =>
  jaccard(trigramsOf(storyWords(a)), trigramsOf(storyWords(b)));
const match = (a: { title: string; text?: string }, b: { title: string; text?: string }) =>
  storyMatch(
    storyFeaturesOf({ title: a.title, text: a.text ?? "" }),
    storyFeaturesOf({ title: b.title, text: b.text ?? "" }),
  );

describe("storyWords and trigramsOf", () => {
  it("fold case, accents and possessives, and drop stopwords", () => {
    expect(storyWords("China’s Café rules: the NEW car-data plan")).toEqual([
      "china",
      "cafe",
      "rules",
      "car",
      "data",
      "plan",
    ]);
  });

  it("pad each word, so order does not count and inflections keep most trigrams", () => {
    // " cat " has three: " ca", "cat", "at ".
    expect(trigramsOf(["cat"])).toHaveLength(3);
    expect(trigramsOf(["cat", "cat"])).toEqual(trigramsOf(["cat"]));
    expect(jaccard(trigramsOf(["cat"]), trigramsOf(["cats"]))).toBeCloseTo(2 / 5);
    expect(titleSim("Storm closes harbour", "harbour storm closes")).toBe(1);
    expect(titleSim("Storm closes harbour", "Harbour closed: storm")).toBeGreaterThan(0.6);
    expect(titleSim("The", "A")).toBe(0);
  });
});

describe("simHash", () => {
  const wire =
    "Port authorities in Rotterdam shut the harbour for three days on Tuesday after gale force " +
    "winds battered the coast, stranding dozens of container ships and delaying deliveries " +
    "across northern Europe, the port operator said in a statement.";
  const other =
    "The city council approved a budget for new cycle lanes along the river on Monday, with " +
    "work due to start in spring and finish before the end of next year, officials said.";

  it("gives one text the same hash, and a lightly edited copy a near one", () => {
    const words = storyWords(wire);
    expect(hammingDistance(simHash(words), simHash(storyWords(wire)))).toBe(0);
    const edited = storyWords(wire.replace("dozens", "scores").replace(", the port", ". The port"));
    expect(hammingDistance(simHash(words), simHash(edited))).toBeLessThanOrEqual(
      SIMHASH_MAX_DISTANCE,
    );
  });

  it("sets unrelated texts far apart", () => {
    expect(hammingDistance(simHash(storyWords(wire)), simHash(storyWords(other)))).toBeGreaterThan(
      SIMHASH_MAX_DISTANCE * 1.5,
    );
  });

  it("joins one wire story under two rewritten headlines", () => {
    const a = { title: "Gales shut Rotterdam port", text: wire };
    const b = { title: "Ships stranded as storm hits Europe", text: wire };
    expect(match(a, b)).toBe(1);
    expect(match(a, { ...b, text: other })).toBeNull();
  });
});

describe("headline marks", () => {
  it("are numbers, and names in sentence-case headlines only", () => {
    expect(headlineMarks("Man arrested after stabbing in Leeds on 12 April")).toEqual([
      "12",
      "leeds",
      "april",
    ]);
    expect(headlineMarks("Fenmore Bank to cut 3,000 jobs")).toEqual(["3000", "bank"]);
    expect(headlineMarks("Stocks Rise As Tech Rally Continues For Third Day")).toEqual([]);
  });

  it("conflict when each headline names what the other report never mentions", () => {
    const of = (title: string, text = "") => ({
      marks: headlineMarks(title),
      folded: foldText(`${title} ${text}`),
    });
    expect(
      marksConflict(of("Man arrested after stabbing in Leeds"), of("Man arrested in Bristol")),
    ).toBe(true);
    expect(
      marksConflict(
        of("Five killed as bus overturns in Peru"),
        of("Bus crash in Peruvian Andes", "The bus left the road in the Andes, Peru."),
      ),
    ).toBe(false);
  });
});

describe("storyMatch", () => {
  it("joins headline-only reports that share most of their headline", () => {
    expect(
      match(
        { title: "China unveils new rules on car data transfers" },
        { title: "China’s new car data transfer rules unveiled" },
      ),
    ).toBeGreaterThanOrEqual(SAME_HEADLINE_SIMILARITY);
    expect(
      match({ title: "China unveils car data rules" }, { title: "China wins table tennis final" }),
    ).toBeNull();
  });

  it("keeps recurring headlines apart when they name different places or dates", () => {
    expect(
      match(
        { title: "Weather warning issued for snow in Scotland" },
        { title: "Weather warning issued for snow in Wales" },
      ),
    ).toBeNull();
  });

  it("joins differently worded headlines when their teasers tell the same, and only then", () => {
    const a = {
      title: "Harbour closed as storm hits coast",
      text: "Port authorities shut the harbour for three days after gale force winds battered the coast.",
    };
    const b = {
      title: "Storm closes harbour as gale batters coast",
      text: "The harbour was shut for three days as gale force winds battered the coast, the port said.",
    };
    const unrelated = {
      title: "Harbour festival draws record crowds",
      text: "Thousands came to the summer festival with music and food stalls along the quay.",
    };
    expect(titleSim(a.title, b.title)).toBeGreaterThanOrEqual(MIN_TITLE_SIMILARITY);
    expect(match(a, b)).not.toBeNull();
    expect(match(a, unrelated)).toBeNull();
  });
});

interface LabelledPair {
  a: { title: string; text: string };
  b: { title: string; text: string };
  same: boolean;
  kind: string;
}

describe("the labelled corpus (test/fixtures/story-pairs.json)", () => {
  const pairs = JSON.parse(
    readFileSync(join(__dirname, "../fixtures/story-pairs.json"), "utf8"),
  ) as LabelledPair[];
  const judged = pairs.map((p) => ({ ...p, said: match(p.a, p.b) !== null }));
  const count = (f: (p: (typeof judged)[number]) => boolean) => judged.filter(f).length;

  it("is the corpus the thresholds were set on", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(160);
    expect(count((p) => p.same)).toBeGreaterThanOrEqual(80);
    expect(count((p) => !p.same)).toBeGreaterThanOrEqual(80);
  });

  it("finds nearly half the same-event pairs at 95% precision", () => {
    const found = count((p) => p.same && p.said);
    const wrong = count((p) => !p.same && p.said);
    const precision = found / (found + wrong);
    const recall = found / count((p) => p.same);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.45);
  });

  it("finds every republished wire story, and joins no unrelated pair", () => {
    expect(judged.filter((p) => p.kind === "syndicated").every((p) => p.said)).toBe(true);
    expect(judged.filter((p) => p.kind === "unrelated").some((p) => p.said)).toBe(false);
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
