import fc from "fast-check";
import {
  collapseWhitespace,
  countWords,
  htmlToPlainText,
  toPlainLine,
  truncateAtWord,
} from "../../src/domain/plain-text";

describe("htmlToPlainText", () => {
  it("puts block elements on their own lines so words are never glued", () => {
    expect(
      htmlToPlainText("<h2>Heading</h2><p>First.</p><p>Second.</p><ul><li>a</li><li>b</li></ul>"),
    ).toBe("Heading\nFirst.\nSecond.\na\nb");
  });

  it("separates table cells and line breaks", () => {
    expect(htmlToPlainText("<table><tr><td>Cod</td><td>£9</td></tr></table>one<br>two")).toBe(
      "Cod £9\none\ntwo",
    );
  });

  it("drops inline tags without adding spaces", () => {
    expect(htmlToPlainText("un<b>believ</b>able")).toBe("unbelievable");
  });

  it("decodes entities exactly once", () => {
    expect(htmlToPlainText("Fish &amp;amp; Chips &mdash; &#8220;fresh&#8221;")).toBe(
      "Fish &amp; Chips — “fresh”",
    );
  });

  it("drops scripts, styles and comments with their text", () => {
    expect(
      htmlToPlainText('<p>a</p><script>var x = "<p>";</script><style>p{}</style><!-- c -->b'),
    ).toBe("a\nb");
  });

  it("does not treat escaped markup as tags", () => {
    expect(htmlToPlainText("&lt;b&gt;not bold&lt;/b&gt;")).toBe("<b>not bold</b>");
  });

  it("collapses whitespace, including non-breaking spaces, within lines", () => {
    expect(htmlToPlainText("<p>  a \t&nbsp; b\n c </p>")).toBe("a b c");
  });

  it("reads text without markup or entities the same way: controls dropped, spaces collapsed", () => {
    expect(htmlToPlainText("  a \t\u00a0 b\u0007\n c\u200b ")).toBe("a b c");
    expect(htmlToPlainText("  \u0000 ")).toBe("");
  });
});

describe("toPlainLine", () => {
  it("returns one line of text, or null when nothing is left", () => {
    expect(toPlainLine("<p>a</p><p>b</p>")).toBe("a b");
    expect(toPlainLine("<p> </p>")).toBeNull();
    expect(toPlainLine(null)).toBeNull();
  });
});

describe("collapseWhitespace", () => {
  it("turns every run of whitespace into one space and trims", () => {
    expect(collapseWhitespace("  a\n\n b\t c  ")).toBe("a b c");
  });
});

describe("truncateAtWord", () => {
  it("returns short text unchanged", () => {
    expect(truncateAtWord("short text", 20)).toBe("short text");
  });

  it("cuts at the last word boundary and adds an ellipsis, staying within the limit", () => {
    const cut = truncateAtWord("The quick brown fox jumps over the lazy dog", 20);
    expect(cut).toBe("The quick brown fox…");
    expect(cut.length).toBeLessThanOrEqual(20);
  });

  it("drops punctuation left dangling before the ellipsis", () => {
    expect(truncateAtWord("Alpha, beta, gamma, delta", 14)).toBe("Alpha, beta…");
  });

  it("cuts inside a word only when there is no boundary in the second half", () => {
    expect(truncateAtWord("Supercalifragilisticexpialidocious", 10)).toBe("Supercali…");
  });
});

describe("countWords", () => {
  it("counts runs of characters that hold a letter or digit", () => {
    expect(countWords("One two, three — 4 five-six")).toBe(5);
    expect(countWords("")).toBe(0);
  });

  it("counts scripts beyond ASCII, astral letters and every kind of space", () => {
    expect(countWords("日本語 テキスト ١٢٣ 𝐀𝐁 😀 …")).toBe(4);
    expect(countWords("a\u00a0b\u2003c\u3000d\u2028e\ufeffF a\u200bb")).toBe(7);
  });

  it("agrees with splitting on \\s and testing each piece, for any text", () => {
    const bySplitting = (text: string) =>
      text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    const piece = fc.constantFrom(
      " ",
      "\n",
      "\u00a0",
      "\u2003",
      "\ufeff",
      "a",
      "Z",
      "7",
      "é",
      "😀",
      "𝐀",
      "-",
      "\ud800",
    );
    const text = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.array(piece).map((p) => p.join("")),
    );
    fc.assert(
      fc.property(text, (t) => countWords(t) === bySplitting(t)),
      { numRuns: 2000 },
    );
  });
});

describe("htmlToPlainText on hostile input", () => {
  it("reads an unclosed script as running to the end", () => {
    expect(htmlToPlainText("<p>kept</p><script>var s = '</p>'; dropped")).toBe("kept");
  });

  it("reads a document of many unclosed tags, scripts and comments in one pass", () => {
    const text = "<a title='x ".repeat(50_000) + "<script ".repeat(50_000) + "<!-- ".repeat(50_000);
    expect(htmlToPlainText(`${text}`)).toBe("<a title='x ".repeat(50_000).trim());
  });
});
