import fc from "fast-check";
import {
  collapseWhitespace,
  countWords,
  htmlToPlainText,
  readSanitizedHtmlText,
  toPlainLine,
  truncateAtWord,
} from "../../src/domain/plain-text";
import { sanitizeContent } from "../../src/domain/sanitize-content";

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

  it("ends raw-text elements where browsers do, so no markup in an attribute leaks into the text", () => {
    expect(htmlToPlainText('<p>a</p><textarea><img alt="</textarea>"><p>b</p>')).toBe('a\n">\nb');
    expect(htmlToPlainText('<noscript><a title="</noscript>">x</a></noscript><p>b</p>')).toBe(
      '">x\nb',
    );
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

describe("readSanitizedHtmlText", () => {
  const piece = fc.constantFrom(
    ...["<p>", "</p>", "<br>", "<br/>", "<td>", "</th>", "<b>", "</i>", "<img src=x />"],
    ...[
      '<a href="/x" title="it\'s">',
      "<a title='>'>",
      "<p-x>",
      "<P>",
      "<!-- c -->",
      "<![CDATA[<]]>",
    ],
    ...["<script>x</script>", "<title>t", "<header>", "<h7>", "< p>", "</ p>", "<p <b>>", "<"],
    ...[
      ">",
      "&amp;",
      "&lt;p&gt;",
      "&nbsp;",
      "&#58;",
      "&#1;",
      "&amp",
      "&quot;",
      " ",
      "  ",
      "\n",
      "\t",
      "\u00a0",
      "\u0001",
    ],
    ...["\u200b", "\ufeff", "\ue000", "a", "Bé", "😀", "7", "-", "x y", "\ud800"],
    // Runs of plain text with lone spaces, which are read in one loop.
    ...["two words", "(x) y.", " z ", "--", "é b"],
  );
  const html = fc.oneof(
    fc.array(piece, { maxLength: 40 }).map((p) => p.join("")),
    fc.string({ unit: "binary", maxLength: 60 }),
  );

  it("reads any HTML as htmlToPlainText does, and counts the words as countWords does", () => {
    fc.assert(
      fc.property(html, (input) => {
        const { text, words } = readSanitizedHtmlText(input);
        expect(text).toBe(htmlToPlainText(input));
        expect(words).toBe(countWords(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("reads sanitized HTML the same way", () => {
    fc.assert(
      fc.property(html, (input) => {
        const clean = sanitizeContent(input, "https://news.example.com/a/b");
        const { text, words } = readSanitizedHtmlText(clean);
        expect(text).toBe(htmlToPlainText(clean));
        expect(words).toBe(countWords(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("puts blocks on lines and cells apart, and counts the words", () => {
    expect(
      readSanitizedHtmlText('<p>One <a href="x">two</a></p><table><tr><td>3</td><td>4'),
    ).toEqual({
      text: "One two\n3 4",
      words: 4,
    });
  });
});

describe("htmlToPlainText lines", () => {
  // The lines as they were read before one pass did it: controls out, split, collapsed, joined.
  const byPasses = (text: string) =>
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g, "")
      .split("\ue000")
      .map(collapseWhitespace)
      .filter((line) => line.length > 0)
      .join("\n");

  it("drops controls, collapses whitespace and drops empty lines, for any text", () => {
    const piece = fc.constantFrom(
      ...[" ", "  ", "\n", "\r", "\t", "\u000b", "\u000c", "\u00a0", "\u2003", "\ufeff"],
      ...["\u200b", "\u0001", "\u007f", "\ue000", "a", "Z", "é", "😀", "-", "\ud800", "\udc00"],
      ...["two words", "(x) y.", " z ", "--", "a b c"],
    );
    const text = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.array(piece).map((p) => p.join("")),
    );
    // Without markup or entities, nothing but the lines is left to read.
    fc.assert(
      fc.property(
        text.map((t) => t.replace(/[<&]/g, "")),
        (t) => htmlToPlainText(t) === byPasses(t),
      ),
      { numRuns: 5000 },
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
