import { canonicalizeUrl } from "../../src/domain/canonical-url";
import { parseDate } from "../../src/domain/parse-date";
import { htmlToPlainText, toPlainLine, truncateAtWord } from "../../src/domain/plain-text";
import { sanitizeContent } from "../../src/domain/sanitize-content";
import { tagsFromCategories } from "../../src/domain/tags-from-categories";
import { detectFormat } from "../../src/feeds/detect-format";
import { repairXmlEntities } from "../../src/feeds/parse-xml-repair";

// Shapes that make backtracking patterns or naive scanners quadratic. Each call must finish in
// bounded work; the suite's timeout is the only clock (no time is asserted).
const MB = 1_000_000;
// The format each is judged to be: those that open with an HTML element are (broken) pages.
const HOSTILE: [string, string, "html" | null][] = [
  ["unclosed tags", "<a ".repeat(MB / 3), "html"],
  ["unclosed quotes in tags", '<p title="x'.repeat(MB / 11), "html"],
  ["angle brackets", "<".repeat(MB), null],
  ["ampersands", "&".repeat(MB), null],
  ["numeric references", "&#".repeat(MB / 2), null],
  ["comment openers", "<!--".repeat(MB / 4), null],
  ["CDATA openers", "<![CDATA[".repeat(MB / 9), null],
  ["script openers", "<script>".repeat(MB / 8), "html"],
  ["whitespace and punctuation", " ,.;:-".repeat(MB / 6), null],
  ["one long word", "x".repeat(MB), null],
];

describe.each(HOSTILE)("1 MB of %s", (_name, input, format) => {
  it("is made plain text and cut", () => {
    expect(truncateAtWord(htmlToPlainText(input), 300).length).toBeLessThanOrEqual(300);
    expect(toPlainLine(input)?.length ?? 0).toBeLessThanOrEqual(4 * MB);
  });

  it("is sanitized", () => {
    expect(typeof sanitizeContent(input, "https://e.example/")).toBe("string");
  });

  it("is repaired as XML and judged as a format", () => {
    expect(repairXmlEntities(input).length).toBeGreaterThanOrEqual(input.length);
    expect(detectFormat(input)).toBe(format);
  });

  it("is not read as a date, a URL or a tag list that never ends", () => {
    expect(parseDate(input)).toBeNull();
    expect(canonicalizeUrl(`https://e.example/?${input}`)).toBeNull();
    expect(tagsFromCategories([input], "feed").length).toBeLessThanOrEqual(1);
  });
});

describe("1 MB prologs", () => {
  it.each([
    ["an endless DOCTYPE", `<!DOCTYPE x [${"[]".repeat(MB / 2)}`],
    ["endless processing instructions", "<?".repeat(MB / 2)],
    ["nested brackets", `<!DOCTYPE x ${"[".repeat(MB / 2)}${"]".repeat(MB / 2)}`],
  ])("judges %s in one pass", (_name, input) => {
    expect(detectFormat(input)).toBeNull();
  });
});
