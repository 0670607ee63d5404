import { readXmlDocument } from "../../src/feeds/parse-xml-document";
import { FeedParseError } from "../../src/feeds/feed-parse-error";
import { createXmlTreeReader, readXmlTree, XmlSyntaxError } from "../../src/feeds/read-xml-tree";

// Plain objects make the expectations readable; the reader's objects have no prototype.
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function syntaxError(xml: string): Error {
  try {
    readXmlTree(xml);
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected readXmlTree to fail");
}

describe("readXmlTree", () => {
  it("reads attributes, text and repeated children into lists", () => {
    const tree = readXmlTree(
      '<rss version="2.0"><channel><title>T &amp; U</title><item/><item id="2">two</item>' +
        "<item><title>three</title></item></channel></rss>",
    );
    expect(tree.name).toBe("rss");
    expect(plain(tree.root)).toEqual({
      $: { version: "2.0" },
      channel: [
        {
          title: ["T & U"],
          item: ["", { $: { id: "2" }, _: "two" }, { title: ["three"] }],
        },
      ],
    });
  });

  it("keeps CDATA text, even when it is only whitespace, and drops formatting whitespace", () => {
    const { root } = readXmlTree(
      "<a>\n  <b><![CDATA[<p>x</p>]]></b>\n  <c><![CDATA[ ]]></c>\n</a>",
    );
    expect(plain(root)).toEqual({ b: ["<p>x</p>"], c: [" "] });
  });

  it("gives elements named like Object.prototype members no special meaning", () => {
    const { root } = readXmlTree(
      "<r><__proto__>p</__proto__><constructor>c</constructor><toString>s</toString></r>",
    );
    expect(Object.getPrototypeOf(root)).toBeNull();
    expect(root.__proto__).toEqual(["p"]);
    expect(root.constructor).toEqual(["c"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps children and text in document order in ordered mode", () => {
    const { root } = readXmlTree('<c type="xhtml">a <b>bold</b> c</c>', { ordered: true });
    const order = (root.$$ as Record<string, unknown>[]).map((n) => [n["#name"], n._]);
    expect(order).toEqual([
      ["__text__", "a "],
      ["b", "bold"],
      ["__text__", " c"],
    ]);
  });

  it("keeps the order only inside the elements named for it", () => {
    const xml = '<f><t>x</t><e><c type="xhtml">a <b>bold</b> c</c></e></f>';
    const { root } = readXmlTree(xml, { orderedWithin: new Set(["c"]) });
    const entry = (root.e as Record<string, unknown>[])[0];
    const content = (entry.c as Record<string, unknown>[])[0];
    expect(root.$$).toBeUndefined();
    expect(entry.$$).toBeUndefined();
    expect(root.t).toEqual(["x"]);
    const order = (content.$$ as Record<string, unknown>[]).map((n) => [n["#name"], n._]);
    expect(order).toEqual([
      ["__text__", "a "],
      ["b", "bold"],
      ["__text__", " c"],
    ]);
  });

  it("renames elements, not attributes", () => {
    const { name, root } = readXmlTree(
      '<atom:feed atom:x="1"><atom:title>t</atom:title></atom:feed>',
      {
        renameElement: (n) => n.replace(/^atom:/, ""),
      },
    );
    expect(name).toBe("feed");
    expect(plain(root)).toEqual({ $: { "atom:x": "1" }, title: ["t"] });
  });

  it("forgives slips that leave the structure whole, as feed readers must", () => {
    const { root } = readXmlTree('<r a="1" a="2"><t>x\uFFFE ]]> y</t></r>');
    expect(plain(root)).toEqual({ $: { a: "2" }, t: ["x\uFFFE ]]> y"] });
  });

  it.each([
    ["<r><a></r>", /^unexpected close tag \(line 1, column 10\)$/],
    ["<r><a>", /^unclosed tag: a \(line 1, column 6\)$/],
    ["<r/><s/>", /^documents may contain only one root/],
    ["<r>&lol;</r>", /^undefined entity/],
    ["<r a=1/>", /^unquoted attribute value/],
    ["", /root element/],
  ])("refuses %j with the reason and where", (xml, message) => {
    const error = syntaxError(xml);
    expect(error).toBeInstanceOf(XmlSyntaxError);
    expect(error.message).toMatch(message);
  });

  it("reads a document written in chunks that split names, entities and surrogate pairs", () => {
    const xml = '<r><t k="v">caf&#233; &amp; 😀 done</t></r>';
    const reader = createXmlTreeReader();
    for (const char of xml) reader.write(char);
    expect(plain(reader.close().root)).toEqual({ t: [{ $: { k: "v" }, _: "café & 😀 done" }] });
  });
});

describe("readXmlDocument", () => {
  it("reads a large document in chunks to the same tree as in one go", async () => {
    const items = Array.from({ length: 9000 }, (_, i) => `<item><title>Ü ${i} 😀</title></item>`);
    const xml = `<rss><channel>${items.join("")}</channel></rss>`;
    expect(xml.length).toBeGreaterThan(256 * 1024);
    const chunked = await readXmlDocument(xml);
    expect(plain(chunked.root)).toEqual(plain(readXmlTree(xml).root));
  });

  it("says a truncated document looks truncated", async () => {
    await expect(readXmlDocument("<rss><channel><item>")).rejects.toThrow(
      new FeedParseError(
        "malformed XML: the document ends before its root element is closed (truncated?)",
      ),
    );
  });
});
