import { parseDocument } from "../../src/ingest/parse-document";
import { parseFeed } from "../../src/feeds/parse-feed";
import { toParseOutput } from "../../src/ingest/parse-output";

const channel = (inner: string) =>
  `<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>t</title>${inner}</channel></rss>`;
const ttlOf = async (inner: string) => (await parseFeed(channel(inner))).ttl;

describe("parseFeed: ttl in minutes", () => {
  it("reads <ttl> as minutes", async () => {
    expect(await ttlOf("<ttl>60</ttl>")).toBe(60);
  });

  it("converts sy:updatePeriod and sy:updateFrequency to minutes", async () => {
    expect(
      await ttlOf(
        "<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>",
      ),
    ).toBe(30);
    expect(await ttlOf("<sy:updatePeriod>weekly</sy:updatePeriod>")).toBe(7 * 24 * 60);
    expect(await ttlOf("<sy:updateFrequency>4</sy:updateFrequency>")).toBe(6 * 60);
  });

  it("prefers <ttl> over the syndication module", async () => {
    expect(await ttlOf("<ttl>5</ttl><sy:updatePeriod>daily</sy:updatePeriod>")).toBe(5);
  });

  it("reads the syndication module of an RSS 1.0 channel", async () => {
    const xml = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
      xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>t</title>
      <sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>24</sy:updateFrequency></channel></rdf:RDF>`;
    expect((await parseFeed(xml)).ttl).toBe(60);
  });

  it("is null when unsaid or unreadable, at least 1 and at most a year", async () => {
    expect(await ttlOf("")).toBeNull();
    expect(await ttlOf("<ttl>soon</ttl>")).toBeNull();
    expect(await ttlOf("<ttl>-5</ttl>")).toBeNull();
    expect(await ttlOf("<sy:updatePeriod>fortnightly</sy:updatePeriod>")).toBeNull();
    expect(await ttlOf("<sy:updatePeriod>constructor</sy:updatePeriod>")).toBeNull();
    expect(
      await ttlOf(
        "<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>1000</sy:updateFrequency>",
      ),
    ).toBe(1);
    expect(await ttlOf("<ttl>99999999999</ttl>")).toBe(365 * 24 * 60);
  });

  it("is null for Atom and JSON Feed, which have no ttl", async () => {
    expect(
      (await parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>a</title></feed>')).ttl,
    ).toBeNull();
    expect(
      (await parseFeed('{"version":"https://jsonfeed.org/version/1.1","items":[]}')).ttl,
    ).toBeNull();
  });

  it("passes through to the feed summary but is not printed by newsgate parse", async () => {
    const result = await parseDocument(channel("<ttl>20</ttl>"), {
      url: "https://t.example/rss",
      now: 0,
    });
    expect(result.feed.ttl).toBe(20);
    expect(toParseOutput(result).feed).not.toHaveProperty("ttl");
  });
});
