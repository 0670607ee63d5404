import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MAX_OPML_CHARS, OpmlParseError, parseOpml } from "../../src/opml/parse-opml";
import { removeDoctype } from "../../src/feeds/parse-xml-prolog";

const fixture = (name: string) => readFileSync(join(__dirname, "../fixtures/opml", name), "utf8");

describe("parseOpml", () => {
  describe("an OPML 1.0 export of an old reader", () => {
    const doc = parseOpml(fixture("reader-export-1.0.opml"));

    it("reads the title and every http(s) feed, folders becoming categories", () => {
      expect(doc.title).toBe("Jane subscriptions in Google Reader");
      expect(doc.outlines.map((o) => [o.title, o.categories])).toEqual([
        ["Ars Technica", []],
        ["BBC News - World", ["News"]],
        ["Le Monde.fr - Actualité à la Une", ["News"]],
        ["Ars Technica", ["Tech"]],
        ["www.example.net", ["Tech"]],
      ]);
    });

    it("decodes entities in URLs and normalizes them", () => {
      expect(doc.outlines[1]).toEqual({
        title: "BBC News - World",
        xmlUrl: "http://feeds.bbci.co.uk/news/world/rss.xml?edition=uk&utm_source=reader",
        htmlUrl: "http://www.bbc.co.uk/news/world/",
        type: "rss",
        categories: ["News"],
      });
      expect(doc.outlines[0].htmlUrl).toBe("http://arstechnica.com/");
    });

    it("reads attribute names in any case and falls back to text for the title", () => {
      expect(doc.outlines[2]).toMatchObject({
        title: "Le Monde.fr - Actualité à la Une",
        xmlUrl: "https://www.lemonde.fr/rss/une.xml",
        htmlUrl: "https://www.lemonde.fr/",
      });
    });

    it("skips a feed:// URL and says why", () => {
      expect(doc.skipped).toEqual([
        {
          title: "Old Podcast",
          xmlUrl: "feed://podcast.example.org/rss",
          reason: "not an http(s) URL",
        },
      ]);
    });
  });

  describe("an OPML 2.0 document with nested folders", () => {
    const doc = parseOpml(fixture("nested-folders-2.0.opml"));
    const byTitle = (title: string) => doc.outlines.find((o) => o.title === title);

    it("gives each feed its folder path, then its category attribute split at , and /", () => {
      expect(byTitle("EU Observer")?.categories).toEqual([
        "World",
        "Europe",
        "Politics",
        "EU",
        "Daily",
      ]);
      expect(byTitle("Tagesschau Atom")?.categories).toEqual(["World", "Europe"]);
      expect(byTitle("Top level")?.categories).toEqual([]);
    });

    it("keeps a category once, whatever its case", () => {
      expect(byTitle("Nature")?.categories).toEqual(["Science"]);
    });

    it("decodes the title and prefers the title attribute over text", () => {
      expect(doc.title).toBe("Feeds & Folders");
      expect(byTitle('Wire "Breaking" & More')?.xmlUrl).toBe(
        "https://wire.example.com/feed?format=rss&lang=en",
      );
    });

    it("keeps the outline type and ignores outlines without xmlUrl", () => {
      expect(byTitle("Tagesschau Atom")?.type).toBe("atom");
      expect(doc.outlines.map((o) => o.title)).not.toContain("A page, not a feed");
      expect(doc.outlines).toHaveLength(5);
    });

    it("skips javascript: and text that is not a URL", () => {
      expect(doc.skipped.map((s) => [s.title, s.reason])).toEqual([
        ["Script feed", "not an http(s) URL"],
        ["Not a URL at all", "not a URL"],
      ]);
    });
  });

  describe("hostile and wrong documents", () => {
    it("never expands entities declared in a DOCTYPE (billion laughs, external entity)", () => {
      const error = captureError(() => parseOpml(fixture("entity-bomb.opml")));
      expect(error).toBeInstanceOf(OpmlParseError);
      expect(error.message).toMatch(/^not OPML: malformed XML: /);
      expect(error.message).not.toMatch(/lollol|root:/);
    });

    it("reads a document whose DOCTYPE declares nothing it uses", () => {
      const xml =
        '<?xml version="1.0"?>\n<!DOCTYPE opml [<!ENTITY a "]>">]>\n' +
        '<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/rss"/></body></opml>';
      expect(parseOpml(xml).outlines.map((o) => o.xmlUrl)).toEqual(["https://a.example/rss"]);
    });

    it("says in one line that a feed is not OPML", () => {
      expect(() => parseOpml(fixture("not-opml.xml"))).toThrow(
        new OpmlParseError("not OPML: the root element is <rss>, not <opml>"),
      );
    });

    it.each([
      ["", "not OPML: the document is empty"],
      ["<html><body>hi</body></html>", "not OPML: the root element is <html>, not <opml>"],
      ["just text", "not OPML: malformed XML: text data outside of root node (line 1, column 9)"],
      ['<opml version="2.0"><head/></opml>', "not OPML: <opml> has no <body>"],
      [
        "<opml><body><outline>",
        "not OPML: malformed XML: unclosed tag: outline (line 1, column 21)",
      ],
    ])("rejects %j with one line", (text, message) => {
      expect(() => parseOpml(text)).toThrow(new OpmlParseError(message));
    });

    it("refuses a document larger than the limit before parsing it", () => {
      const huge = "<opml><body>" + " ".repeat(MAX_OPML_CHARS) + "</body></opml>";
      expect(() => parseOpml(huge)).toThrow(/^not OPML: larger than 5 MiB$/);
    });

    it("refuses folders nested deeper than 32 levels", () => {
      const deep = "<outline text='f'>".repeat(40) + "</outline>".repeat(40);
      expect(() => parseOpml(`<opml><body>${deep}</body></opml>`)).toThrow(/nested deeper than 32/);
    });
  });
});

describe("removeDoctype, as OPML uses it", () => {
  it("removes the declaration with its internal subset, quoted brackets included", () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "]>"><!-- ] > -->]><x/>';
    expect(removeDoctype(xml)).toBe('<?xml version="1.0"?><x/>');
  });

  it("leaves a document without one alone", () => {
    expect(removeDoctype("<opml/>")).toBe("<opml/>");
  });
});

function captureError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}
