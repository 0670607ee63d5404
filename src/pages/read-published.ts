import { readWrittenDate } from "../domain/parse-date";
import { type WrittenDate, writtenDateText, writtenInstant } from "../domain/written-date";
import { gatherZoneEvidence, inferZone, type ZoneEvidence } from "./infer-page-zone";
import { type JsonLdNode, ldText } from "./read-json-ld";
import { attrOf, metaContent, textOf } from "./read-html";
import { readDateLine } from "./read-visible-date";

const PUBLISHED_METAS = [
  "article:published_time",
  "og:article:published_time",
  "datePublished",
  "pubdate",
  "publish-date",
  "parsely-pub-date",
  "sailthru.date",
  "dcterms.created",
].concat(["date", "dc.date", "DC.date.issued", "dc.date.created"]);
const DATE_LINE = ["byline", "author", "meta", "date", "time", "posted", "publish", "timestamp"]
  .map((word) => `[class*="${word}" i]`)
  .concat(["time", '[id*="date" i]', '[itemprop~="datePublished" i]'])
  .join(", ");
// "/2016/12/15/" or "/2016-12-15" in a story's address.
const URL_DAY = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/;
const MINUTE_MS = 60_000;
const MAX_PARENT_LEVELS = 2;
const MAX_LINE_CHARS = 200;
const TEXT_NODE = 3;
const MAX_LOOSE_ELEMENTS = 5000;
const MAX_LOOSE_CHARS = 40;
const MAX_LABEL_CHARS = 12;
const NOT_TEXT = new Set(["script", "style", "a", "option", "select", "textarea", "noscript"]);

/**
 * Returns when the story was published, as the page states it, in this order:
 * - a date stated with its zone (JSON-LD, `<meta>`, `<time datetime>`); where such dates
 *   disagree, the one the date line by the story shows (read in the page's zone; a server
 *   stamping local time `Z` is the usual cause), else the most trusted;
 * - a stated date without a zone, put in the zone the page gives evidence of (see inferZone),
 *   else only its day: a time whose zone is unknown is not read as UTC;
 * - the date line a reader sees by the story, likewise;
 * - the day in the story's address (`/2016/12/15/`);
 * - the first short piece of text that is a date, perhaps after a short label ("2019/3/5",
 *   "Updated: 2019.03.05"), in the story, else anywhere on the page;
 * - else the first stated date, even unreadable, for the normalizer to judge.
 */
export function readPublished(
  document: Document,
  story: JsonLdNode,
  pageUrl: string,
): string | null {
  const stated = statedDates(document, story);
  const written = stated.map((text) => ({ text, date: readWrittenDate(text) }));
  const zoned = written.filter(({ date }) => date?.zone && date.hasTime);
  const instants = zoned.map(({ date }) => (date?.zone ? writtenInstant(date, date.zone) : NaN));
  if (zoned.length > 0 && instants.every((at) => at === instants[0])) return zoned[0].text;
  const lines = dateLines(document);
  // A date with a time of day beats a bare one (a masthead shows today's date, a byline the
  // instant); to settle which stated date is right, only the first line is trusted.
  const line = lines.find((date) => date.hasTime) ?? lines[0] ?? null;
  const evidence = gatherZoneEvidence(document, pageUrl, line?.zone ? [line] : []);
  if (zoned.length > 0) return (shownByLine(zoned, instants, lines[0], evidence) ?? zoned[0]).text;
  const readable = written.find(({ date }) => date !== null);
  if (readable?.date?.hasTime) return inZone(readable.date, evidence);
  if (line && (!readable || (line.hasTime && sameDay(line, readable.date)))) {
    return inZone(line, evidence);
  }
  return readable?.text ?? urlDay(pageUrl) ?? looseDate(document, evidence) ?? stated[0] ?? null;
}

interface Stated {
  text: string;
  date: WrittenDate | null;
}

// The dates the page states in its markup, most trusted first.
function statedDates(document: Document, story: JsonLdNode): string[] {
  const time = document.querySelector(
    '[itemprop="datePublished"][datetime], article time[datetime], time[datetime]',
  );
  const itemprop = document.querySelector('[itemprop~="datePublished" i][content]');
  return [
    ldText(story.datePublished),
    ...PUBLISHED_METAS.map((key) => metaContent(document, key)),
    attrOf(itemprop, "content"),
    attrOf(time, "datetime"),
  ].filter((date): date is string => date !== null);
}

// Of stated dates (with their zones and instants) that disagree, the one that names the instant
// the date line shows, when the line shows a time and its zone is known or can be inferred;
// same-minute evidence is not used, as the stated dates themselves are in question.
function shownByLine(
  zoned: Stated[],
  instants: number[],
  line: WrittenDate | undefined,
  evidence: ZoneEvidence,
): Stated | null {
  if (!line?.hasTime) return null;
  const zone = line.zone ?? inferZone(line, evidence, false);
  if (zone === null) return null;
  const shown = Math.floor(writtenInstant(line, zone) / MINUTE_MS);
  const index = instants.findIndex((at) => Math.floor(at / MINUTE_MS) === shown);
  return index < 0 ? null : zoned[index];
}

function inZone(date: WrittenDate, evidence: ZoneEvidence): string {
  return writtenDateText(date, date.zone ?? inferZone(date, evidence, true));
}

function sameDay(a: WrittenDate, b: WrittenDate | null | undefined): boolean {
  const day = (date: WrittenDate) => new Date(date.wallClock).toISOString().slice(0, 10);
  return b !== null && b !== undefined && day(a) === day(b);
}

// The dates a reader sees by the story (its byline or date line), the story's own first (the
// first scope that shows any).
function dateLines(document: Document): WrittenDate[] {
  const scopes = [document.querySelector("article"), document.querySelector("main"), document.body];
  for (const scope of scopes) {
    const dates = [...(scope?.querySelectorAll(DATE_LINE) ?? [])]
      .map(dateAround)
      .filter((date): date is WrittenDate => date !== null);
    if (dates.length > 0) return dates;
  }
  return [];
}

// The element's date, with the time of day an element next to it shows when it shows none
// (`<span>October 11, 2022</span></li><li>15:11</li>`): where the element's text recurs in a
// short parent's text, followed by a time.
function dateAround(element: Element): WrittenDate | null {
  const own = textOf(element);
  const date = readDateLine(own);
  if (date === null || date.hasTime) return date;
  let parent = element.parentElement;
  for (let level = 0; parent && level < MAX_PARENT_LEVELS; level++) {
    if (textOf(parent).length > MAX_LINE_CHARS) break;
    const text = spacedText(parent);
    for (let at = text.indexOf(own); at >= 0; at = text.indexOf(own, at + 1)) {
      const around = readDateLine(text.slice(at));
      if (around?.hasTime && sameDay(around, date)) return around;
    }
    parent = parent.parentElement;
  }
  return date;
}

// The text of the node's text nodes, a space between each: elements that follow each other
// without a space (`2022</li><li>15:11`) are still words apart.
function spacedText(node: Node): string {
  if (node.nodeType === TEXT_NODE) return node.textContent ?? "";
  return [...node.childNodes].map(spacedText).join(" ").replace(/\s+/g, " ").trim();
}

// The first element of a few words that shows a date and little else. Only elements without
// child elements are read, so the page's text is read once.
function looseDate(document: Document, evidence: ZoneEvidence): string | null {
  const scopes = [document.querySelector("article"), document.querySelector("main"), document.body];
  for (const scope of scopes) {
    let read = 0;
    for (const element of scope?.querySelectorAll("*") ?? []) {
      if (read++ >= MAX_LOOSE_ELEMENTS) break;
      if (element.childElementCount > 0 || NOT_TEXT.has(element.tagName.toLowerCase())) continue;
      const text = textOf(element);
      const digit = text.search(/\d/);
      if (text.length > MAX_LOOSE_CHARS || digit < 0 || digit > MAX_LABEL_CHARS) continue;
      const date = readDateLine(text);
      if (date) return inZone(date, evidence);
    }
  }
  return null;
}

function urlDay(pageUrl: string): string | null {
  let path: string;
  try {
    path = new URL(pageUrl).pathname;
  } catch {
    return null;
  }
  const match = URL_DAY.exec(path);
  if (!match) return null;
  const date = readWrittenDate(
    `${match[1]}-${match[2].padStart(2, "0")}-${match[3].padStart(2, "0")}`,
  );
  return date ? writtenDateText(date, null) : null;
}
