import { repairXmlEntities } from "../../src/feeds/parse-xml-repair";

describe("repairXmlEntities", () => {
  it("turns HTML named entities into the characters they stand for", () => {
    expect(repairXmlEntities("<t>a&nbsp;b&eacute;&mdash;</t>")).toBe("<t>a\u00a0bé—</t>");
  });

  it("escapes bare ampersands", () => {
    expect(repairXmlEntities("<t>AT&T & co</t>")).toBe("<t>AT&amp;T &amp; co</t>");
  });

  it("leaves the XML entities readable, writes out plain characters and markup ones in decimal", () => {
    expect(repairXmlEntities("&amp;&lt;&gt;&quot;&apos;&#38;&#x26;&#X41;&#0065;&#x22;&#10;")).toBe(
      "&amp;&lt;&gt;&quot;&apos;&#38;&#38;AA&#34;&#10;",
    );
    expect(repairXmlEntities("&bogus;")).toBe("&amp;bogus;");
  });

  it("repairs names that only look like the XML entities", () => {
    expect(repairXmlEntities("&AMP;&LT;&ampx;&amp")).toBe("&#38;&#60;&#38;x;&amp;amp");
  });

  it("leaves CDATA sections untouched", () => {
    const cdata = "<d><![CDATA[<p>a&nbsp;b & c</p>]]></d>";
    expect(repairXmlEntities(cdata)).toBe(cdata);
  });
});

describe("repairXmlEntities on hostile input", () => {
  it("writes out 100,000 character references as the text they stand for", () => {
    const refs = "&#65;&#x42;".repeat(50_000);
    expect(repairXmlEntities(`<d>${refs}</d>`)).toBe(`<d>${"AB".repeat(50_000)}</d>`);
  });

  it("leaves an unclosed CDATA section to the parser", () => {
    expect(repairXmlEntities("<a>&nbsp;<![CDATA[x & y")).toBe("<a>\u00a0<![CDATA[x & y");
  });

  it("reads a document of many unclosed CDATA sections in one pass", () => {
    const text = "<![CDATA[&".repeat(100_000);
    expect(repairXmlEntities(text)).toBe(text);
  });
});
