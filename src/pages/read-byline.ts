import { hasType, type JsonLdNode, ldText } from "./read-json-ld";
import { metaContent, textOf } from "./read-html";

// Meta names that name a person; `author` comes last as it often holds the publisher's name.
const BYLINE_METAS = [
  "byl",
  "dc.creator",
  "dc:creator",
  "dc.author",
  "dcterm:creator",
  "parsely-author",
  "sailthru.author",
];
const WEAK_METAS = ["article:author", "author"];
// The story's own byline, most specific first: microdata, rel=author, a link to an author page
// inside a byline, then the byline's own text.
const NAME_SELECTORS = [
  '[itemprop~="author"] [itemprop="name"]',
  'a[rel~="author"]',
  '[class*="byline"] a[href*="/author"], [class*="byline"] a[href*="/people/"], [class*="byline"] a[href*="/profile"]',
  '[class*="author-name"], [class*="authorName"], [class*="author__name"], [class*="author-card__details__name"]',
  '[itemprop~="author"]',
  '[class*="byline"] a, [class*="byline"] span',
  'a[href*="/author/"]',
];
const BYLINE_SELECTOR = '[class*="byline"], [id*="byline"], [class*="author"]';
const BY_LINE_SELECTOR = '[class*="meta"], [class*="date"], [class*="time"], [class*="credit"], p';
const MAX_NAME_LENGTH = 100;
const MAX_BYLINE_LENGTH = 160;
// Words of a byline's chrome that are never a name.
const NOT_A_NAME = /^(?:view all|bio|see full bio|follow|email|twitter|more|staff writer|author)$/i;
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
 * Returns the story's byline: JSON-LD people (several joined "A, B and C"), then byline meta
 * tags, then the byline the page shows (microdata, rel=author, author links, a "By ..." line),
 * then `author`/`article:author` meta that is not the site's own name or a URL; null when none.
 */
export function readByline(
  document: Document,
  story: JsonLdNode,
  siteName: string | null,
): string | null {
  const people = ldPeople(story.author);
  if (people.length > 0) return joinNames(people);
  const meta = metaContent(document, ...BYLINE_METAS);
  if (meta && !isUrl(meta)) return meta.replace(/^by\s+/i, "");
  const shown = shownByline(document);
  if (shown) return shown;
  const weak = WEAK_METAS.map((key) => metaContent(document, key)).find(
    (value) => value && !isUrl(value) && !sameName(value, siteName),
  );
  return weak ? weak.replace(/^by\s+/i, "") : (ldPeople(story.author, true)[0] ?? null);
}

// JSON-LD authors: people by name (an organization only when asked: it is often the publisher).
function ldPeople(value: unknown, organizations = false): string[] {
  const entries = Array.isArray(value) ? value : [value];
  return entries
    .filter((entry) => organizations || !isOrganization(entry))
    .map((entry) => ldText(entry))
    .filter((name): name is string => name !== null && !isUrl(name));
}

function isOrganization(entry: unknown): boolean {
  return (
    typeof entry === "object" &&
    entry !== null &&
    hasType(entry as JsonLdNode, "Organization", "NewsMediaOrganization")
  );
}

function shownByline(document: Document): string | null {
  const scopes = [document.querySelector("article"), document.querySelector("main"), document.body];
  for (const scope of scopes) {
    if (!scope) continue;
    for (const selector of NAME_SELECTORS) {
      const first = [...scope.querySelectorAll(selector)].find((e) => cleanName(textOf(e)));
      if (!first) continue;
      // Co-authors share the first name's byline; names elsewhere are other stories' authors.
      const names = [...bylineOf(first).querySelectorAll(selector)].map((e) =>
        cleanName(textOf(e)),
      );
      const found = distinctNames(names.filter((name): name is string => name !== null));
      return joinNames(found.length > 0 ? found.slice(0, 6) : [cleanName(textOf(first)) ?? ""]);
    }
    for (const element of scope.querySelectorAll(BYLINE_SELECTOR)) {
      const name = cleanName(textOf(element));
      if (name) return name;
    }
    // A date line or meta line that opens with "By".
    for (const element of scope.querySelectorAll(BY_LINE_SELECTOR)) {
      const text = textOf(element);
      const name = /^by\s/i.test(text) ? cleanName(text) : null;
      if (name) return name;
    }
  }
  return null;
}

// Each name once, and not again with a job title after it ("Ann Lee" and "Ann Lee Staff Writer").
function distinctNames(names: string[]): string[] {
  const unique = [...new Set(names)];
  return unique.filter(
    (name) => !unique.some((other) => other !== name && name.startsWith(`${other} `)),
  );
}

// The smallest block around a name that is still a byline (short text), where co-authors sit.
function bylineOf(element: Element): Element {
  let block = element;
  for (let parent = block.parentElement; parent; parent = parent.parentElement) {
    if (/^(?:ARTICLE|MAIN|BODY|HTML)$/.test(parent.tagName.toUpperCase())) break;
    if (textOf(parent).length > MAX_BYLINE_LENGTH) break;
    block = parent;
  }
  return block;
}

// A byline's name without what sits beside it: "By", a date, "More stories", a job title after
// a bar or a bullet; null when what is left does not read as a name.
function cleanName(text: string): string | null {
  const name = text
    .replace(/^(?:[Ww]ritten\s+)?[Bb][Yy](?:\b|(?=\p{Lu}))[:.\s]*/u, "")
    .split(
      /\s*(?:[|·•]|\+\s*follow\b|\bmore (?:stories|from|by)\b|\bupdated\b|\bpublished\b|\bposted\b|\bfollow\b)\s*/i,
    )[0]
    .replace(
      /\s+(?:on\s+)?(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b).*$/i,
      "",
    )
    .replace(/(?<=\p{L})@\w+$/u, "")
    .replace(/[\s,;]+$/, "")
    .trim();
  if (!name || name.length > MAX_NAME_LENGTH || /\d/.test(name) || name.startsWith("/"))
    return null;
  if (NOT_A_NAME.test(name) || !/\p{L}/u.test(name)) return null;
  const words = name.split(/\s+/);
  // Latin-script names capitalize their words; a lower-case word makes a sentence, not a name.
  const sentence = words.some((w) => /^\p{Ll}/u.test(w) && !PARTICLES.has(w));
  return words.length <= 12 && !sentence ? name : null;
}

/** Returns names joined as a byline writes them: "A", "A and B", "A, B and C". */
function joinNames(names: string[]): string {
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

function sameName(value: string, siteName: string | null): boolean {
  return siteName !== null && value.trim().toLowerCase() === siteName.trim().toLowerCase();
}
