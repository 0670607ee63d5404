import {
  canonicalizeUrl,
  isTrackingParam,
  withoutTrackingParams,
} from "../../src/domain/canonical-url";

describe("canonicalizeUrl", () => {
  it("lower-cases the scheme and host but not the path", () => {
    expect(canonicalizeUrl("HTTPS://News.Example.COM/World/Story")).toBe(
      "https://news.example.com/World/Story",
    );
  });

  it("drops the default port and keeps any other", () => {
    expect(canonicalizeUrl("https://example.com:443/a")).toBe("https://example.com/a");
    expect(canonicalizeUrl("http://example.com:80/a")).toBe("http://example.com/a");
    expect(canonicalizeUrl("http://127.0.0.1:8080/a")).toBe("http://127.0.0.1:8080/a");
  });

  it("drops the fragment", () => {
    expect(canonicalizeUrl("https://example.com/a#comments")).toBe("https://example.com/a");
  });

  it("removes utm_* and the other tracking parameters, keeping the rest in order", () => {
    const url =
      "https://example.com/a?z=1&utm_source=rss&fbclid=x&b=2&gclid=g&dclid=d&msclkid=m" +
      "&mc_cid=c&mc_eid=e&igshid=i&_hsenc=h&_hsmi=s&ref_src=twsrc&UTM_Medium=feed&a=3";
    expect(canonicalizeUrl(url)).toBe("https://example.com/a?z=1&b=2&a=3");
  });

  it("drops the question mark when only tracking parameters were present", () => {
    expect(canonicalizeUrl("https://example.com/a?utm_source=rss&utm_medium=feed")).toBe(
      "https://example.com/a",
    );
  });

  it("keeps the remaining parameters exactly as written", () => {
    expect(canonicalizeUrl("https://example.com/s?q=a+b&tag=%C3%A9&flag")).toBe(
      "https://example.com/s?q=a+b&tag=%C3%A9&flag",
    );
  });

  it("resolves a relative URL against the base", () => {
    expect(canonicalizeUrl("../b/c.html?utm_source=x", "https://example.com/a/index.html")).toBe(
      "https://example.com/b/c.html",
    );
  });

  it("trims the whitespace feeds leave around links", () => {
    expect(canonicalizeUrl("\n   https://example.com/a\n  ")).toBe("https://example.com/a");
  });

  it("returns null for other schemes and for text that is not a URL", () => {
    expect(canonicalizeUrl("javascript:alert(1)")).toBeNull();
    expect(canonicalizeUrl("mailto:desk@example.com")).toBeNull();
    expect(canonicalizeUrl("ftp://example.com/file")).toBeNull();
    expect(canonicalizeUrl("not a url")).toBeNull();
    expect(canonicalizeUrl("")).toBeNull();
    expect(canonicalizeUrl(null)).toBeNull();
  });
});

describe("isTrackingParam", () => {
  it("recognizes tracking parameters case-insensitively and nothing else", () => {
    expect(isTrackingParam("utm_campaign")).toBe(true);
    expect(isTrackingParam("FBCLID")).toBe(true);
    expect(isTrackingParam("ref")).toBe(false);
    expect(isTrackingParam("page")).toBe(false);
  });
});

describe("withoutTrackingParams", () => {
  it("removes tracking parameters and keeps the rest, the fragment and the case as written", () => {
    expect(withoutTrackingParams("https://E.com/A?x=1&utm_term=t&mc_eid=2#Frag")).toBe(
      "https://e.com/A?x=1#Frag",
    );
  });

  it("leaves other schemes, links without tracking and text that is not a URL unchanged", () => {
    for (const href of [
      "mailto:a@e.com?utm_source=x",
      "https://e.com/?a=%7E",
      "not a url?utm_x=1",
    ]) {
      expect(withoutTrackingParams(href)).toBe(href);
    }
  });
});
