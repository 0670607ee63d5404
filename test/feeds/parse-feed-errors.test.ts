import { FeedParseError } from "../../src/feeds/feed-parse-error";
import { parseFeed } from "../../src/feeds/parse-feed";
import { readFixture } from "../ingest/parse-fixture";

async function failure(text: string): Promise<Error> {
  try {
    await parseFeed(text);
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected parseFeed to fail");
}

describe("parseFeed: what is not a feed", () => {
  it("rejects malformed XML with the parser's reason on one line", async () => {
    const error = await failure(readFixture("feeds/malformed.xml"));
    expect(error).toBeInstanceOf(FeedParseError);
    expect(error.name).toBe("FeedParseError");
    expect(error.message).toBe("malformed XML: unexpected close tag (line 8, column 10)");
  });

  it("rejects an HTML page naming its root element", async () => {
    const error = await failure(readFixture("feeds/not-a-feed.html"));
    expect(error).toBeInstanceOf(FeedParseError);
    expect(error.message).toBe("not a feed: the document's root element is <html>");
  });

  it("rejects XML with another root element", async () => {
    expect((await failure('<?xml version="1.0"?><urlset><url/></urlset>')).message).toBe(
      "not a feed: the document's root element is <urlset>",
    );
  });

  it("rejects an empty document and plain text", async () => {
    expect((await failure("  \n")).message).toBe("not a feed: the document is empty");
    expect((await failure("hello")).message).toBe(
      "not a feed: the document is neither XML nor JSON",
    );
  });

  it("rejects JSON that is not a JSON Feed, and malformed JSON", async () => {
    expect((await failure('{"title":"x"}')).message).toBe(
      "not a feed: JSON without a JSON Feed version",
    );
    expect((await failure("[1, 2]")).message).toBe("not a feed: JSON that is not an object");
    expect((await failure("{ not json")).message).toMatch(/^malformed JSON: /);
  });

  it("rejects an <rss> document without a channel", async () => {
    const error = await failure('<rss version="2.0"><item/></rss>');
    expect(error).toBeInstanceOf(FeedParseError);
    expect(error.message).toBe("not a feed: an rss document without the elements of a feed");
  });

  it("does not expand entities declared in a DTD", async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>' +
      '<rss version="2.0"><channel><title>&b;</title></channel></rss>';
    const feed = await parseFeed(bomb);
    expect(feed.title).toBe("&b;");
  });
});
