import iconv from "iconv-lite";
import { codecFor, resolveCharset } from "../../src/fetch/decode-charset";

describe("resolveCharset", () => {
  it.each([
    ["utf-8", "utf-8"],
    ["UTF8", "utf-8"],
    ["unicode-1-1-utf-8", "utf-8"],
    ["  Utf-8 ", "utf-8"],
    ["iso-8859-1", "windows-1252"],
    ["ISO_8859-1:1987", "windows-1252"],
    ["latin1", "windows-1252"],
    ["us-ascii", "windows-1252"],
    ["iso-8859-9", "windows-1254"],
    ["tis-620", "windows-874"],
    ["iso-8859-11", "windows-874"],
    ["iso8859-2", "iso-8859-2"],
    ["iso88595", "iso-8859-5"],
    ["ISO_8859-7", "iso-8859-7"],
    ["latin2", "iso-8859-2"],
    ["l9", "iso-8859-15"],
    ["iso-8859-16", "iso-8859-16"],
    ["cp1251", "windows-1251"],
    ["x-cp1250", "windows-1250"],
    ["Windows-1258", "windows-1258"],
    ["KOI8-R", "koi8-r"],
    ["koi8", "koi8-r"],
    ["koi8-ru", "koi8-u"],
    ["gb2312", "gbk"],
    ["GBK", "gbk"],
    ["gb18030", "gb18030"],
    ["big5-hkscs", "big5"],
    ["Shift_JIS", "shift_jis"],
    ["sjis", "shift_jis"],
    ["windows-31j", "shift_jis"],
    ["EUC-JP", "euc-jp"],
    ["euc-kr", "euc-kr"],
    ["ks_c_5601-1987", "euc-kr"],
    ["utf-16", "utf-16le"],
    ["UTF-16LE", "utf-16le"],
    ["utf-16be", "utf-16be"],
    ["x-mac-cyrillic", "x-mac-cyrillic"],
  ])("reads %j as %s", (label, charset) => {
    expect(resolveCharset(label)).toBe(charset);
  });

  // iconv-lite also knows codecs that are not text encodings at all (base64, hex, binary).
  it.each([
    "",
    "base64",
    "hex",
    "binary",
    "utf-7",
    "iso-8859-12",
    "iso-2022-jp",
    "cp1259",
    "x-unknown",
  ])("does not decode %j", (label) => {
    expect(resolveCharset(label)).toBeNull();
  });
});

describe("codecFor", () => {
  const canonical = [
    "utf-8",
    "utf-16le",
    "utf-16be",
    "ibm866",
    "iso-8859-2",
    "iso-8859-3",
    "iso-8859-4",
    "iso-8859-5",
    "iso-8859-6",
    "iso-8859-7",
    "iso-8859-8",
    "iso-8859-8-i",
    "iso-8859-10",
    "iso-8859-13",
    "iso-8859-14",
    "iso-8859-15",
    "iso-8859-16",
    "koi8-r",
    "koi8-u",
    "macintosh",
    "x-mac-cyrillic",
    "windows-874",
    "windows-1250",
    "windows-1251",
    "windows-1252",
    "windows-1253",
    "windows-1254",
    "windows-1255",
    "windows-1256",
    "windows-1257",
    "windows-1258",
    "gbk",
    "gb18030",
    "big5",
    "shift_jis",
    "euc-jp",
    "euc-kr",
  ];

  it.each(canonical)("names a codec iconv-lite has for %s", (charset) => {
    expect(resolveCharset(charset)).toBe(charset);
    expect(iconv.encodingExists(codecFor(charset))).toBe(true);
  });
});
