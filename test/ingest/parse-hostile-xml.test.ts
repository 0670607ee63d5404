import { FeedParseError } from "../../src/feeds/feed-parse-error";
import { parseDocument } from "../../src/ingest/parse-document";
import { parseFeed } from "../../src/feeds/parse-feed";
import { startHttpServer, type TestHttpServer } from "../support/http-server";
import { readFixture } from "./parse-fixture";

const NOW = Date.parse("2026-02-05T12:00:00Z");
const parse = (text: string) => parseDocument(text, { url: "https://h.example/feed", now: NOW });

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a FeedParseError");
}
function expectOneLineParseError(error: Error): void {
  expect(error).toBeInstanceOf(FeedParseError);
  expect(error.message).not.toMatch(/\n/);
  expect(error.message.length).toBeLessThanOrEqual(300);
}

describe("hostile XML: entity expansion", () => {
  it("does not expand a billion laughs: entities stay literal text, the result stays small", async () => {
    const { feed, articles } = await parse(readFixture("feeds/hostile-billion-laughs.xml"));
    expect(feed.title).toBe("Laughs &lol9;");
    expect(articles[0].title).toBe("&lol9;");
    expect(articles[0].summary).toBe("&lol9; &lol9; &lol9;");
    expect(JSON.stringify({ feed, articles }).length).toBeLessThan(5_000);
  });

  it("does not expand a quadratic blowup (one big entity referenced many times)", async () => {
    const big = "x".repeat(100_000);
    const refs = "&big;".repeat(10_000);
    const xml = `<!DOCTYPE rss [<!ENTITY big "${big}">]><rss version="2.0"><channel><title>q</title><item><title>t</title><description>${refs}</description></item></channel></rss>`;
    const { articles } = await parse(xml);
    expect(articles[0].summary?.length).toBeLessThanOrEqual(300);
    expect(articles[0].summary).toMatch(/^&big;&big;/);
  });

  it("reads a DOCTYPE of a million brackets that never closes in one pass", async () => {
    expectOneLineParseError(await failure(parse(`<!DOCTYPE rss [${"[]".repeat(500_000)}`)));
    expectOneLineParseError(await failure(parse(`<!DOCTYPE rss [${"'\"".repeat(500_000)}`)));
  });

  it("refuses an unterminated DOCTYPE with a one-line error", async () => {
    const error = await failure(parseFeed('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">'));
    expectOneLineParseError(error);
    expect(error.message).toBe("malformed XML: no root element after the prolog");
  });

  it("keeps a DOCTYPE inside CDATA content as content", async () => {
    const xml =
      '<rss version="2.0"><channel><title>c</title><item><title>t</title>' +
      "<description><![CDATA[<!DOCTYPE html><p>Body</p>]]></description></item></channel></rss>";
    expect((await parseFeed(xml)).items[0].summary).toBe("<!DOCTYPE html><p>Body</p>");
  });
});

describe("hostile XML: external entities (XXE)", () => {
  it("reads no file: a SYSTEM file:///etc/passwd entity stays an unexpanded reference", async () => {
    const result = await parse(readFixture("feeds/hostile-xxe-file.xml"));
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/root:|daemon:|nologin/);
    expect(result.feed.title).toBe("Secrets: &xxe;");
    expect(result.articles[0].summary).toBe("&xxe;");
  });

  describe("fetches nothing", () => {
    let server: TestHttpServer;
    const hits: string[] = [];
    beforeAll(async () => {
      server = await startHttpServer((req, res) => {
        hits.push(req.url ?? "");
        res.end('<!ENTITY leak "LEAKED">');
      });
    });
    afterAll(() => server.close());

    it("makes no request for SYSTEM entities, external DTDs, parameter entities, stylesheets or XIncludes", async () => {
      const xml = `<?xml version="1.0"?>
<?xml-stylesheet type="text/xsl" href="${server.url}/style.xsl"?>
<!DOCTYPE rss SYSTEM "${server.url}/rss.dtd" [
  <!ENTITY xxe SYSTEM "${server.url}/entity">
  <!ENTITY % remote SYSTEM "${server.url}/param">
  %remote;
]>
<rss version="2.0" xmlns:xi="http://www.w3.org/2001/XInclude"><channel><title>&xxe;</title>
<item><title>t &xxe; &leak;</title><link>${server.url}/article</link>
<xi:include href="${server.url}/include"/></item></channel></rss>`;
      const result = await parse(xml);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(hits).toEqual([]);
      expect(JSON.stringify(result)).not.toContain("LEAKED");
      expect(result.articles[0].title).toBe("t &xxe; &leak;");
    });
  });
});

describe("hostile XML: character references", () => {
  it("replaces references to characters XML forbids with U+FFFD instead of failing", async () => {
    const feed = await parseFeed(readFixture("feeds/hostile-numeric-refs.xml"));
    expect(feed.title).toBe("Bad references \ufffd \ufffd");
    expect(feed.items[0].title).toBe("A\ufffdB\ufffdC\ufffdD\ufffdE");
    expect(feed.items[0].summary).toBe("Fine: é 😀 bad: \ufffd\ufffd");
    expect(feed.items[0].categories).toEqual(["tag\ufffd"]);
  });
});

describe("hostile XML: truncated and malformed documents", () => {
  // Decision: a document cut off mid-way is refused whole, with a clear one-line error (see
  // readXmlDocument), rather than read up to the cut.
  it("refuses a document cut in the middle of an item, saying it looks truncated", async () => {
    const error = await failure(parse(readFixture("feeds/hostile-truncated.xml")));
    expectOneLineParseError(error);
    expect(error.message).toBe(
      "malformed XML: the document ends before its root element is closed (truncated?)",
    );
  });

  it.each([
    ["a tag", '<rss version="2.0"><channel><title>t</title><item><ti'],
    ["an attribute value", '<rss version="2.0"><channel><item><link href="https://x'],
    ["a CDATA section", '<rss version="2.0"><channel><item><description><![CDATA[<p>half'],
    ["a comment", '<rss version="2.0"><channel><!-- half'],
  ])("refuses a document cut inside %s with a one-line error", async (_where, xml) => {
    expectOneLineParseError(await failure(parse(xml)));
  });

  it("survives 100,000 nested elements", async () => {
    const deep = "<x>".repeat(100_000) + "</x>".repeat(100_000);
    const xml = `<rss version="2.0"><channel><title>d</title><item><title>t</title>${deep}</item></channel></rss>`;
    const { articles } = await parse(xml);
    expect(articles.map((a) => a.title)).toEqual(["t"]);
  });

  it("survives element and attribute names that would pollute prototypes", async () => {
    const xml =
      '<rss version="2.0"><channel><title>p</title><__proto__><polluted>yes</polluted></__proto__>' +
      '<item __proto__="x" constructor="y"><title>t</title><constructor>c</constructor>' +
      "<hasOwnProperty>h</hasOwnProperty><toString>s</toString></item></channel></rss>";
    const { articles } = await parse(xml);
    expect(articles[0].title).toBe("t");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
