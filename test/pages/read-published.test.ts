import { extractPageMeta } from "../../src/pages/extract-page-meta";
import { readHtml } from "../../src/pages/read-html";

const URL = "https://news.example.com/story";

function publishedOf(head: string, body: string, lang = "", url = URL): string | null {
  const html = `<html${lang ? ` lang="${lang}"` : ""}><head>${head}</head><body>${body}</body></html>`;
  return extractPageMeta(readHtml(html), url).published;
}

describe("the published date of a story page", () => {
  it("keeps only the day of a time whose zone nothing on the page tells", () => {
    expect(publishedOf("", '<article><p class="pub-date">March 9 2017 4:21 PM</p></article>')).toBe(
      "2017-03-09",
    );
  });

  it("reads a zone-less datetime in the zone its own date line names", () => {
    const body =
      '<article><time datetime="2022-10-17 16:01:26">10/17/2022 04:01 PM EDT</time></article>';
    expect(publishedOf("", body)).toBe("2022-10-17T16:01:26-04:00");
  });

  it("reads a US date line with a generic zone by that region's rules", () => {
    const body = '<article><h5 class="article__published-at">11/28/2016 11:00 AM PT</h5></article>';
    expect(publishedOf("", body)).toBe("2016-11-28T11:00:00-08:00");
  });

  it("reads a zone-less time in the clock of the page's language where one country keeps one", () => {
    const body = '<article><time class="entry-date">2019年3月2日09:18</time></article>';
    expect(publishedOf("", body, "ja")).toBe("2019-03-02T09:18:00+09:00");
    expect(publishedOf("", body, "en")).toBe("2019-03-02");
  });

  it("settles stated dates that disagree by the date line read in the page's clock", () => {
    const head = '<meta property="article:published_time" content="2019-03-02T00:18:32Z">';
    const body =
      '<article><time class="entry-date" datetime="2019-03-02T09:18:32+00:00">2019年3月2日09:18</time></article>';
    expect(publishedOf(head, body, "ja")).toBe("2019-03-02T00:18:32Z");
  });

  it("prefers a stated date with a real offset over a local time stamped UTC", () => {
    const head = '<meta property="article:published_time" content="2019-04-19T20:00:00.000Z">';
    const body =
      '<article><time datetime="2019-04-19T20:00:00+09:00">2019.04.19 20:00</time></article>';
    expect(publishedOf(head, body)).toBe("2019-04-19T20:00:00+09:00");
  });

  it("reads a date line whose time of day sits in the next element", () => {
    const head =
      '<meta property="article:published_time" content="2022-10-11T19:11:05-04:00">' +
      '<meta itemprop="datePublished" content="2022-10-11T15:11:05-04:00">';
    const body =
      '<article><ul><li><span class="published">October 11, 2022</span></li><li>15:11</li></ul></article>';
    expect(publishedOf(head, body)).toBe("2022-10-11T15:11:05-04:00");
  });

  it("takes the offset the page states for the same instant elsewhere", () => {
    const body =
      '<article><span data-origindate="2017-03-01 14:27:02 +0800"></span>' +
      '<span class="date">2017-03-01 14:27:02</span></article>';
    expect(publishedOf("", body)).toBe("2017-03-01T14:27:02+08:00");
  });

  it("carries another date's offset only where no daylight-saving change can lie between", () => {
    const stamp = '<meta property="article:modified_time" content="2022-10-20T08:00:00-04:00">';
    const line = (date: string) => `<article><p class="byline">${date} 9:30</p></article>`;
    expect(publishedOf(stamp, line("October 11, 2022"))).toBe("2022-10-11T09:30:00-04:00");
    expect(publishedOf(stamp, line("January 11, 2022"))).toBe("2022-01-11");
  });

  it("reads the content of an itemprop date that is not a meta tag", () => {
    const body =
      '<article><dd itemprop="datePublished" content="2019-04-26">2019年04月</dd></article>';
    expect(publishedOf("", body)).toBe("2019-04-26");
  });

  it("reads a year-first date line written with slashes", () => {
    expect(publishedOf("", '<article><ul class="meta"><li>2019/04/04</li></ul></article>')).toBe(
      "2019-04-04",
    );
  });

  it("matches date-line class names without regard to case", () => {
    const body =
      '<article><div class="ShareByline"><div>December 16, 2016, 4:19 PM</div></div></article>';
    expect(publishedOf("", body)).toBe("2016-12-16");
  });

  it("takes the day from the story's address when the page shows no date", () => {
    const url = "https://news.example.com/2016/12/15/gadgets/";
    expect(publishedOf("", "<article><p>Text.</p></article>", "", url)).toBe("2016-12-15");
  });

  it("falls back to a short piece of text that is a date, after a short label at most", () => {
    const body =
      "<nav><p>See all our news from the last thirty days, 2019.01.01 onwards</p></nav>" +
      "<div><h2>Keyboard</h2><p>Text.</p><p>2019.03.05</p></div>";
    expect(publishedOf("", body, "ja")).toBe("2019-03-05");
    expect(publishedOf("", "<div><dl><dt>配信開始日</dt><dd>2019/3/5</dd></dl></div>")).toBe(
      "2019-03-05",
    );
  });
});

describe("JSON-LD in a CDATA section", () => {
  it("is read like any other", () => {
    const ld = '{"@type":"NewsArticle","datePublished":"2020-07-10T14:15:42+00:00"}';
    const head = `<script type="application/ld+json">\n<![CDATA[\n${ld}\n]]>\n</script>`;
    expect(publishedOf(head, '<p class="date">January 7, 2025</p>')).toBe(
      "2020-07-10T14:15:42+00:00",
    );
  });
});
