import { htmlToText } from "../../../bench/eval/html-text";
import { scoreText, shinglesOf, wordsOf } from "../../../bench/eval/shingle-score";
import { addCounts, countSnippets, snippetScores } from "../../../bench/eval/snippet-score";

describe("word shingles", () => {
  it("reads words as lower-cased runs of letters and digits, in any script", () => {
    expect(wordsOf("Héllo, World! 42 times — Привет")).toEqual([
      "héllo",
      "world",
      "42",
      "times",
      "привет",
    ]);
  });

  it("reads each Chinese or Japanese character as a word", () => {
    expect(wordsOf("腾讯新闻 QQ浏览器 ひらがな")).toEqual([
      "腾",
      "讯",
      "新",
      "闻",
      "qq",
      "浏",
      "览",
      "器",
      "ひ",
      "ら",
      "が",
      "な",
    ]);
  });

  it("counts each run of four words, repeats included", () => {
    const shingles = shinglesOf("a b c d a b c d");
    expect(shingles.get("a b c d")).toBe(2);
    expect(shingles.get("b c d a")).toBe(1);
    expect([...shingles.values()].reduce((x, y) => x + y)).toBe(5);
  });

  it("makes one shingle of a text shorter than four words, and none of an empty one", () => {
    expect([...shinglesOf("Short text")]).toEqual([["short text", 1]]);
    expect(shinglesOf("  ").size).toBe(0);
  });
});

describe("scoreText", () => {
  const story = "one two three four five six seven eight";

  it("scores the same text 1 whatever its spacing and case", () => {
    expect(scoreText(story, ` ONE two\nthree four five six seven  eight `)).toEqual({
      precision: 1,
      recall: 1,
      f1: 1,
    });
  });

  it("loses precision for extra text and recall for missing text", () => {
    // 5 expected shingles; the extraction has the first 6 words (3 shingles) plus chrome.
    const got = scoreText(story, "one two three four five six menu login");
    expect(got.recall).toBeCloseTo(3 / 5);
    expect(got.precision).toBeCloseTo(3 / 5);
    expect(got.f1).toBeCloseTo(0.6);
  });

  it("counts a repeated shingle only as often as it is expected", () => {
    const got = scoreText("a b c d", "a b c d a b c d");
    expect(got.recall).toBe(1);
    expect(got.precision).toBeCloseTo(1 / 5);
  });

  it("scores nothing found 0, and nothing expected and nothing found 1", () => {
    expect(scoreText(story, "")).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(scoreText("", "").f1).toBe(1);
  });
});

describe("htmlToText", () => {
  it("parts blocks with a space, keeps inline runs together, and leaves scripts out", () => {
    const html = "<p>The <b>end</b>.</p><p>Next<br>line</p><script>var x=1</script><li>item</li>";
    expect(htmlToText(html)).toBe("The end. Next line item");
  });
});

describe("trafilatura snippets", () => {
  const item = { with: ["must  be\nhere", "also this"], without: ["Impressum", "Share"] };

  it("finds snippets with whitespace collapsed, counting as trafilatura does", () => {
    expect(countSnippets(item, "text: must be here. Share it.")).toEqual({
      tp: 1,
      fn: 1,
      fp: 1,
      tn: 1,
    });
  });

  it("gives precision, recall, F1 and the share of unwanted snippets kept out over all pages", () => {
    const total = addCounts([
      countSnippets(item, "must be here also this"),
      countSnippets(item, "Impressum"),
    ]);
    expect(total).toEqual({ tp: 2, fn: 2, fp: 1, tn: 3 });
    const scores = snippetScores(total);
    expect(scores.precision).toBeCloseTo(2 / 3);
    expect(scores.recall).toBeCloseTo(0.5);
    expect(scores.f1).toBeCloseTo(4 / 7);
    expect(scores.keptOut).toBeCloseTo(0.75);
  });
});
