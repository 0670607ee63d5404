import { detectFormat, isJsonFeed, rootElementName } from "../../src/feeds/detect-format";
import { readFixture } from "../ingest/parse-fixture";

describe("detectFormat", () => {
  it("recognizes RSS 2.0, RSS 1.0 (RDF) and Atom by their root element", () => {
    expect(detectFormat(readFixture("seed/feed.xml"))).toBe("rss");
    expect(detectFormat(readFixture("feeds/rss1-rdf.xml"))).toBe("rss");
    expect(detectFormat(readFixture("feeds/atom.xml"))).toBe("atom");
  });

  it("recognizes a JSON Feed by its version", () => {
    expect(detectFormat(readFixture("feeds/jsonfeed-1.1.json"))).toBe("json");
    expect(detectFormat('{"version":"https://jsonfeed.org/version/1","items":[]}')).toBe("json");
  });

  it("recognizes HTML pages", () => {
    expect(detectFormat(readFixture("feeds/not-a-feed.html"))).toBe("html");
    expect(detectFormat(readFixture("seed/index.html"))).toBe("html");
    expect(detectFormat("<html><body>hi</body></html>")).toBe("html");
  });

  it("looks past a BOM, the XML declaration, comments, processing instructions and a doctype", () => {
    const text =
      '\ufeff  <?xml version="1.0"?>\n<!-- generated -->\n<?xml-stylesheet href="s.xsl"?>\n' +
      '<!DOCTYPE rss [<!ENTITY x "y">]>\n<rss version="2.0"></rss>';
    expect(detectFormat(text)).toBe("rss");
  });

  it("judges by content, not by the name of the file", () => {
    expect(detectFormat("<feed xmlns='http://www.w3.org/2005/Atom'></feed>")).toBe("atom");
  });

  it("returns null for anything else", () => {
    expect(detectFormat('<?xml version="1.0"?><sitemap/>')).toBeNull();
    expect(detectFormat('{"title":"not a feed"}')).toBeNull();
    expect(detectFormat("plain text")).toBeNull();
    expect(detectFormat("")).toBeNull();
  });
});

describe("rootElementName", () => {
  it("returns the root element's name as written", () => {
    expect(rootElementName(readFixture("feeds/rss1-rdf.xml"))).toBe("rdf:RDF");
    expect(rootElementName("<!DOCTYPE html><html lang=en>")).toBe("html");
    expect(rootElementName("no markup")).toBeNull();
  });
});

describe("isJsonFeed", () => {
  it("is true only for a JSON object whose version names JSON Feed", () => {
    expect(isJsonFeed('{"version":"https://jsonfeed.org/version/1.1"}')).toBe(true);
    expect(isJsonFeed('{"version":"2"}')).toBe(false);
    expect(isJsonFeed("[1,2]")).toBe(false);
    expect(isJsonFeed("{broken")).toBe(false);
  });
});

describe("detectFormat on pages that open with something else", () => {
  it.each([
    ['<script type="text/javascript">var x = 1;</script>\n<html><body><p>Hi</p></body></html>'],
    ["<br />\n<b>Notice</b>: undefined index\n<!DOCTYPE html><html><head></head></html>"],
    ['<meta charset="utf-8"><title>Story</title><p>Text</p>'],
    ["<!-- generated --><div class='page'><p>Text</p></div>"],
  ])("reads %j as HTML", (text) => {
    expect(detectFormat(text)).toBe("html");
  });

  it("does not take other XML for HTML", () => {
    expect(
      detectFormat('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>'),
    ).toBeNull();
  });
});
