/**
 * Charset labels as browsers read them (the WHATWG Encoding Standard's label table, for the
 * encodings iconv-lite can decode), mapped to the canonical name newsgate decodes with.
 */
const ALIASES: Record<string, string> = {
  ...labels("utf-8", "utf8 unicode-1-1-utf-8 unicode11utf8 unicode20utf8 x-unicode20utf8"),
  ...labels("utf-16le", "utf-16 utf16 ucs-2 unicode unicodefeff csunicode iso-10646-ucs-2"),
  ...labels("utf-16be", "utf16be unicodefffe"),
  // Browsers read Latin-1 and ASCII as windows-1252, and feeds labelled so are usually exactly that.
  ...labels(
    "windows-1252",
    "ascii us-ascii ansi_x3.4-1968 latin1 l1 csisolatin1 cp819 ibm819 iso-ir-100",
  ),
  ...labels("windows-1254", "latin5 l5 csisolatin5 iso-ir-148"),
  ...labels("windows-874", "dos-874 tis-620"),
  ...labels("iso-8859-2", "latin2 l2 csisolatin2 iso-ir-101"),
  ...labels("iso-8859-3", "latin3 l3 csisolatin3 iso-ir-109"),
  ...labels("iso-8859-4", "latin4 l4 csisolatin4 iso-ir-110"),
  ...labels("iso-8859-5", "cyrillic csisolatincyrillic iso-ir-144"),
  ...labels("iso-8859-6", "arabic asmo-708 csisolatinarabic ecma-114 iso-ir-127"),
  ...labels("iso-8859-7", "greek greek8 csisolatingreek ecma-118 elot_928 iso-ir-126 sun_eu_greek"),
  ...labels("iso-8859-8", "hebrew visual csisolatinhebrew iso-ir-138"),
  ...labels("iso-8859-8-i", "logical csiso88598i"),
  ...labels("iso-8859-10", "latin6 l6 csisolatin6 iso-ir-157"),
  ...labels("iso-8859-15", "l9 csisolatin9"),
  ...labels("koi8-r", "koi8 koi koi8_r cskoi8r"),
  ...labels("koi8-u", "koi8-ru"),
  ...labels("ibm866", "866 cp866 csibm866"),
  ...labels("macintosh", "mac x-mac-roman csmacintosh"),
  ...labels("x-mac-cyrillic", "x-mac-ukrainian"),
  ...labels("gbk", "gb2312 gb_2312 gb_2312-80 chinese csgb2312 csiso58gb231280 iso-ir-58 x-gbk"),
  ...labels("gb18030", ""),
  ...labels("big5", "big5-hkscs cn-big5 csbig5 x-x-big5"),
  ...labels("shift_jis", "shift-jis sjis ms932 ms_kanji windows-31j x-sjis csshiftjis"),
  ...labels("euc-jp", "x-euc-jp cseucpkdfmtjapanese"),
  ...labels(
    "euc-kr",
    "korean windows-949 ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 cseuckr csksc56011987 iso-ir-149",
  ),
};

/** ISO-8859-N numbers browsers decode as a Windows code page instead. */
const ISO_AS_WINDOWS: Record<string, string> = { "1": "1252", "9": "1254", "11": "874" };
const ISO_PARTS = new Set(["2", "3", "4", "5", "6", "7", "8", "10", "13", "14", "15", "16"]);

/** The iconv-lite codec for each canonical name whose iconv-lite name differs. */
const CODECS: Record<string, string> = {
  // WHATWG Big5 includes the HKSCS extensions; EUC-KR is really windows-949.
  big5: "big5hkscs",
  "euc-kr": "cp949",
  "x-mac-cyrillic": "maccyrillic",
  "iso-8859-8-i": "iso-8859-8",
};

/**
 * Returns the canonical charset name for a label (`Latin1` → `windows-1252`, `SJIS` →
 * `shift_jis`), or null for a label newsgate cannot decode.
 */
export function resolveCharset(label: string): string | null {
  const name = label.trim().toLowerCase();
  const alias = ALIASES[name];
  if (alias) return alias;
  const iso = /^iso[-_]?8859[-_]?(\d{1,2})(?::\d{4})?$/.exec(name);
  if (iso) {
    const windows = ISO_AS_WINDOWS[iso[1]];
    if (windows) return `windows-${windows}`;
    return ISO_PARTS.has(iso[1]) ? `iso-8859-${iso[1]}` : null;
  }
  const windows = /^(?:windows-|x-cp|cp)(125[0-8])$/.exec(name);
  return windows ? `windows-${windows[1]}` : null;
}

/** Returns the iconv-lite codec name for a canonical charset from {@link resolveCharset}. */
export function codecFor(charset: string): string {
  return CODECS[charset] ?? charset;
}

function labels(name: string, others: string): Record<string, string> {
  const all = [name, ...others.split(" ").filter(Boolean)];
  return Object.fromEntries(all.map((label) => [label, name]));
}
