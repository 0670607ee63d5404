const MAX_NAME_LENGTH = 100;
const MAX_NAME_WORDS = 12;
// What opens a byline before the name: "By", "Written by", "Posted by" (also glued: "ByAnn"),
// and the labels of Japanese and Chinese bylines ("文：", "著者：", "記者 ").
const BY = /^(?:(?:[Ww]ritten|[Pp]osted|[Rr]eported)\s+)?[Bb][Yy](?:\b|(?=\p{Lu}))[:.\s]*/u;
const LABEL = /^(?:文|著者|作者|筆者|記者|執筆|撰文)(?:\s*[:：／/|]\s*|\s+)/u;
// What ends a byline's name: a follow button, "More stories", a date line's word.
const CHROME =
  /\s*(?:\+\s*follow\b|\bmore (?:stories|from|by)\b|\bupdated\b|\bpublished\b|\bposted\b|\bfollow\b)/i;
// What stands between a byline's parts: a bar or a bullet (name | job title, section · name).
const SEPARATOR = /\s*[|·•]\s*/;
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const TRAILING_DATE = new RegExp(
  `\\s+(?:on\\s+)?(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4}).*$`,
  "i",
);
// Words of a byline's chrome, and bare labels, that are never a name.
const NOT_A_NAME =
  /^(?:view all|bio|see full bio|follow|email|twitter|more|staff writer|author|authors|writer|contributor|by|著者|作者|筆者|記者|執筆者|イラスト|翻訳|翻訳者|写真|文)$/i;
// Words of a job title, which a byline may put after the name ("Ann Lee, Staff Reporter").
const JOB_WORD =
  /\b(?:reporter|editor|writer|correspondent|columnist|contributor|staff|producer|critic|photographer|journalist|analyst|director|chief|senior|associate|intern)s?\b/i;
// Words that may stand in lower case inside a name ("Lisa de Moraes", "Ludwig van Beethoven").
const PARTICLES = new Set([
  "de",
  "da",
  "di",
  "del",
  "der",
  "den",
  "van",
  "von",
  "la",
  "le",
  "du",
  "bin",
  "al",
  "y",
  "and",
]);

/**
 * Returns the name a byline's text gives, without what sits beside it ("By", a label, a date, a
 * job title after a bar or a bullet, "More stories"); null when what is left does not read as a
 * name. A section label before a bullet ("Politics · Ann Lee") gives way to the name after it.
 * `handle` lets a single lower-case word through (an `rel=author` link shows a user name).
 */
export function nameInByline(text: string, handle = false): string | null {
  const parts = stripLead(text)
    .split(CHROME)[0]
    .split(SEPARATOR)
    .map((part) => trimName(part))
    .filter((part) => readsAsName(part, handle));
  return parts.find((part) => /\s/.test(part)) ?? parts[0] ?? null;
}

// "By by ANN LEE" (a label and the byline's own "by") loses both.
function stripLead(text: string): string {
  return text.replace(LABEL, "").replace(BY, "").replace(BY, "");
}

function trimName(part: string): string {
  return part
    .replace(TRAILING_DATE, "")
    .replace(/(?<=\p{L})@\w+$/u, "")
    .replace(/[\s,;]+$/, "")
    .trim();
}

function readsAsName(name: string, handle: boolean): boolean {
  if (!name || name.length > MAX_NAME_LENGTH || /\d/.test(name) || isHandleOrLink(name))
    return false;
  if (NOT_A_NAME.test(name) || !/\p{L}/u.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length > MAX_NAME_WORDS) return false;
  if (handle && words.length === 1) return true;
  // Latin-script names capitalize their words; a lower-case word makes a sentence, not a name.
  return !words.some((w) => /^\p{Ll}/u.test(w) && !PARTICLES.has(w));
}

/** Returns true for a URL, a site path or a social handle: where a name would be, not a name. */
export function isHandleOrLink(value: string): boolean {
  return /^(?:https?:\/\/|\/|www\.|@)/i.test(value.trim());
}

/** Returns true for a user name or slug ("mikecason"): one lower-case word, not a name. */
export function isUserName(value: string): boolean {
  return /^[\p{Ll}\d._-]+$/u.test(value.trim());
}

/**
 * Returns a name written surname first for sorting ("Gillman, Steve") in reading order ("Steve
 * Gillman"); anything else as it is. Only one surname word and capitalized given names turn, so
 * "Ann Lee, Reuters" and "Ann Lee, TIME" stay.
 */
export function unsortName(name: string): string {
  const sorted =
    /^(\p{Lu}[\p{L}'’-]+),\s*(\p{Lu}[\p{Ll}'’-]+\.?(?:\s+\p{Lu}[\p{Ll}'’-]*\.?)?)$/u.exec(
      name.trim(),
    );
  return sorted ? `${sorted[2]} ${sorted[1]}` : name;
}

/** Returns names joined as a byline writes them: "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** Returns true when the text opens as a byline does ("By ...", "Written by ...", "文：..."). */
export function opensByline(text: string): boolean {
  return /^(?:(?:written|posted|reported)\s+)?by(?:[\s:]|$)/i.test(text) || LABEL.test(text);
}

/**
 * Returns a byline's text as the page words it ("Ann Lee, TIME", "Ann Lee and Bo Chen") when it
 * is only a list of names that holds every one of `names`; else null. A name the page did not
 * mark up must read as a person's: "Ann Lee, CNN" is a name and its agency, "Ann Lee, Local
 * Democracy Reporter" a name and its job.
 */
export function writtenNameList(text: string, names: string[]): string | null {
  const written = trimName(stripLead(text).split(CHROME)[0]).replace(/\s*,\s*/g, ", ");
  const parts = written.split(/\s*(?:,|&|\band\b)\s*/);
  const listed =
    parts.length > 1 &&
    parts.every((part) => names.includes(part) || readsAsPerson(part)) &&
    names.every((name) => parts.includes(name));
  return listed ? written : null;
}

// Two words or more and no job title's word.
function readsAsPerson(part: string): boolean {
  return readsAsName(part, false) && /\s/.test(part) && !JOB_WORD.test(part);
}
