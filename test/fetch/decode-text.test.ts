import iconv from "iconv-lite";
import { cleanText, decodeBody, headerCharset } from "../../src/fetch/decode-text";

const xml = (encoding: string, title: string): string =>
  `<?xml version="1.0" encoding="${encoding}"?><rss><channel><title>${title}</title></channel></rss>`;
const bytes = (text: string, codec: string): Buffer => iconv.encode(text, codec);

describe("decodeBody", () => {
  it.each([
    ["utf-8", "Ünïcode — 日本語 🎉"],
    ["iso-8859-2", "Zażółć gęślą jaźń"],
    ["iso-8859-5", "Новости дня"],
    ["iso-8859-7", "Καλημέρα κόσμε"],
    ["iso-8859-15", "Prix : 10 € - œuvre"],
    ["windows-1250", "Příliš žluťoučký kůň"],
    ["windows-1251", "Новости дня"],
    ["windows-1252", "Café “quoted” – €5"],
    ["koi8-r", "Новости дня"],
    ["gbk", "新闻标题"],
    ["gb18030", "新闻标题 𠀀"],
    ["big5", "新聞標題"],
    ["shift_jis", "ニュース見出し"],
    ["euc-jp", "ニュース見出し"],
    ["euc-kr", "뉴스 제목"],
    ["utf-16le", "Ünïcode 日本語 🎉"],
    ["utf-16be", "Ünïcode 日本語 🎉"],
  ])("decodes %s named by the HTTP charset", (charset, text) => {
    const body = bytes(xml(charset, text), charset);
    expect(decodeBody(body, `application/rss+xml; charset=${charset}`)).toEqual({
      text: xml(charset, text),
      charset,
    });
  });

  it.each([
    ["KOI8-R", "koi8-r", "Главные новости"],
    ["Shift_JIS", "shift_jis", "今日のニュース"],
    ["EUC-KR", "euc-kr", "오늘의 뉴스"],
    ["GB2312", "gbk", "今日新闻"],
    ["ISO-8859-1", "windows-1252", "Café “déjà vu”"],
  ])("decodes a feed whose XML declaration alone names %s", (label, charset, text) => {
    const body = bytes(xml(label, text), charset);
    expect(decodeBody(body, "application/rss+xml")).toEqual({ text: xml(label, text), charset });
    expect(decodeBody(body, null).charset).toBe(charset);
  });

  it("reads ISO-8859-1 as windows-1252, as browsers do", () => {
    expect(decodeBody(Buffer.from([0x80, 0x93, 0x94]), "text/xml; charset=iso-8859-1").text).toBe(
      "€“”",
    );
  });

  it.each([
    ['<meta charset="koi8-r">', "koi8-r"],
    ["<META CHARSET=windows-1251>", "windows-1251"],
    ['<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">', "koi8-r"],
  ])("decodes an HTML page by its %s", (meta, charset) => {
    const page = `<!doctype html><html><head>${meta}<title>Новости</title></head></html>`;
    expect(decodeBody(bytes(page, charset), "text/html")).toEqual({ text: page, charset });
  });

  it("reads bytes that are valid UTF-8 as UTF-8 whatever legacy charset is declared", () => {
    const page =
      '<html><head><meta charset="shift_jis"><title>脆弱性対策情報</title></head></html>';
    expect(decodeBody(Buffer.from(page), "text/html")).toEqual({ text: page, charset: "utf-8" });
    const latin = "<rss><title>Café déjà vu</title></rss>";
    expect(decodeBody(Buffer.from(latin), "text/xml; charset=iso-8859-1").text).toBe(latin);
    const real = bytes(page, "shift_jis");
    expect(decodeBody(real, "text/html")).toEqual({ text: page, charset: "shift_jis" });
  });

  it("looks for a meta charset in the first 1024 bytes only", () => {
    const page = `<html><head>${" ".repeat(1024)}<meta charset="koi8-r"></head>é</html>`;
    expect(decodeBody(Buffer.from(page), "text/html")).toEqual({ text: page, charset: "utf-8" });
  });

  describe("precedence: BOM, then HTTP charset, then the document, then UTF-8", () => {
    it("a UTF-8 BOM beats the HTTP charset", () => {
      const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Ünï")]);
      expect(decodeBody(body, "text/xml; charset=windows-1252")).toEqual({
        text: "Ünï",
        charset: "utf-8",
      });
    });

    it.each(["utf-16le", "utf-16be"])("a %s BOM beats the XML declaration", (charset) => {
      const text = xml("utf-8", "日本語");
      const body = iconv.encode(text, charset, { addBOM: true });
      expect(decodeBody(body, "application/xml")).toEqual({ text, charset });
    });

    it("the HTTP charset beats the XML declaration", () => {
      const text = xml("KOI8-R", "Новости");
      expect(decodeBody(bytes(text, "windows-1251"), "text/xml; charset=windows-1251")).toEqual({
        text,
        charset: "windows-1251",
      });
    });

    it("an HTTP charset it cannot decode counts as absent", () => {
      const text = xml("koi8-r", "Новости");
      expect(decodeBody(bytes(text, "koi8-r"), "text/xml; charset=x-klingon").charset).toBe(
        "koi8-r",
      );
      expect(decodeBody(Buffer.from("aGk="), 'text/plain; charset="base64"').text).toBe("aGk=");
    });

    it("without any hint the body is UTF-8", () => {
      expect(decodeBody(Buffer.from("<rss>Ünï</rss>"), null)).toEqual({
        text: "<rss>Ünï</rss>",
        charset: "utf-8",
      });
      expect(decodeBody(bytes(xml("x-klingon", "Ünï"), "utf-8"), null).charset).toBe("utf-8");
    });
  });

  it.each(["utf-16le", "utf-16be"])("recognizes %s without a BOM by its first `<?`", (charset) => {
    const text = xml("UTF-16", "日本語");
    expect(decodeBody(bytes(text, charset), null)).toEqual({ text, charset });
  });

  it("reads a UTF-16 declaration in ASCII-compatible bytes as UTF-8", () => {
    const text = xml("UTF-16", "Ünï");
    expect(decodeBody(Buffer.from(text), null)).toEqual({ text, charset: "utf-8" });
  });

  it("quotes the HTTP charset either way", () => {
    expect(headerCharset('text/xml; charset="KOI8-R"')).toBe("koi8-r");
    expect(headerCharset("text/xml;charset=koi8-r; format=flowed")).toBe("koi8-r");
    expect(headerCharset("text/xml")).toBeNull();
    expect(headerCharset(null)).toBeNull();
  });

  it("turns bytes that are not UTF-8 into U+FFFD, never failing", () => {
    const body = Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0xc3, 0x28, 0xe2, 0x82, 0x3c]);
    expect(decodeBody(body, "text/xml; charset=utf-8").text).toBe("<a>\uFFFD\uFFFD(\uFFFD<");
  });

  it("turns a dangling UTF-16 byte and a lone surrogate into U+FFFD", () => {
    const body = Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00, 0x43]);
    expect(decodeBody(body, null)).toEqual({ text: "A\uFFFDB\uFFFD", charset: "utf-16le" });
  });

  it("returns an empty body as empty text", () => {
    expect(decodeBody(Buffer.alloc(0), "application/rss+xml")).toEqual({
      text: "",
      charset: "utf-8",
    });
  });
});

describe("cleanText", () => {
  it("removes the C0 controls XML forbids and keeps tab, newline and carriage return", () => {
    expect(cleanText("a\u0000b\u0001\u0008c\u000B\u000Cd\u000E\u001Fe\t\n\rf")).toBe(
      "abcde\t\n\rf",
    );
  });

  it("replaces U+FFFE, U+FFFF and lone surrogates, keeping surrogate pairs", () => {
    expect(cleanText("a\uFFFEb\uFFFFc\uD800d\uDC00e🎉")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe🎉");
    expect(cleanText("\uDBFF")).toBe("\uFFFD");
  });

  it("strips a leading BOM but keeps a zero-width no-break space inside", () => {
    expect(cleanText("\uFEFFa\uFEFFb")).toBe("a\uFEFFb");
  });
});
