import { capHtml } from "../../src/domain/cap-html";

describe("capHtml", () => {
  it("returns HTML within both limits unchanged", () => {
    expect(capHtml("<p>a</p><p>b</p>", 100, 10)).toBe("<p>a</p><p>b</p>");
  });

  it("cuts before the tag that would pass the tag limit", () => {
    expect(capHtml("<p>a</p><p>b</p><p>c</p>", 100, 4)).toBe("<p>a</p><p>b</p>");
  });

  it("counts comments, declarations and closing tags as tags", () => {
    expect(capHtml("<!--x--><!x><?x?></b>rest", 100, 2)).toBe("<!--x--><!x>");
  });

  it("cuts at the length limit, but never inside a tag", () => {
    expect(capHtml("<p>abc</p><a href='long'>x</a>", 16, 100)).toBe("<p>abc</p>");
    expect(capHtml("abcdefghij", 4, 100)).toBe("abcd");
  });

  it("never cuts inside a character reference or a surrogate pair", () => {
    expect(capHtml("ab&amp;cd", 5, 100)).toBe("ab");
    expect(capHtml("ab😀cd", 3, 100)).toBe("ab");
  });

  it("counts tags even in HTML barely longer than twice the tag limit", () => {
    expect(capHtml("<a<a<", 100, 2)).toBe("<a<a<");
    expect(capHtml("<a<a<a", 100, 2)).toBe("<a");
  });

  it("reads 1 MB of tag starts in one pass", () => {
    expect(capHtml("<a".repeat(500_000)).length).toBeLessThanOrEqual(20_000);
  });
});
