import { repairXmlEntities } from "../../src/feeds/parse-xml-repair";

describe("repairXmlEntities", () => {
  it("turns HTML named entities into numeric references", () => {
    expect(repairXmlEntities("<t>a&nbsp;b&eacute;&mdash;</t>")).toBe(
      "<t>a&#160;b&#233;&#8212;</t>",
    );
  });

  it("escapes bare ampersands", () => {
    expect(repairXmlEntities("<t>AT&T & co</t>")).toBe("<t>AT&amp;T &amp; co</t>");
  });

  it("leaves the XML entities readable and writes numeric references in decimal", () => {
    expect(repairXmlEntities("&amp;&lt;&gt;&quot;&apos;&#38;&#x26;&#X41;&#0065;")).toBe(
      "&amp;&lt;&gt;&quot;&apos;&#38;&#38;&#65;&#65;",
    );
    expect(repairXmlEntities("&bogus;")).toBe("&amp;bogus;");
  });

  it("repairs names that only look like the XML entities", () => {
    expect(repairXmlEntities("&AMP;&LT;&ampx;&amp")).toBe("&#38;&#60;&#38;&#120;&#59;&amp;amp");
  });

  it("leaves CDATA sections untouched", () => {
    const cdata = "<d><![CDATA[<p>a&nbsp;b & c</p>]]></d>";
    expect(repairXmlEntities(cdata)).toBe(cdata);
  });
});

describe("repairXmlEntities on hostile input", () => {
  it("leaves an unclosed CDATA section to the parser", () => {
    expect(repairXmlEntities("<a>&nbsp;<![CDATA[x & y")).toBe("<a>&#160;<![CDATA[x & y");
  });

  it("reads a document of many unclosed CDATA sections in one pass", () => {
    const text = "<![CDATA[&".repeat(100_000);
    expect(repairXmlEntities(text)).toBe(text);
  });
});
