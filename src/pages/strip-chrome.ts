import { textOf } from "./read-html";
import { findRunningText, wordCount } from "./running-text";

// Never part of a story's text, wherever they sit.
const CODE = "script, style, noscript, template";
const ALWAYS_OUT = `${CODE}, amp-ad, img[width='1'], img[height='1']`;

// Furniture by element or role; removed only when it also looks like furniture (see looksLikeChrome).
const CHROME_ELEMENTS = "nav, aside, footer, [role='navigation'], [role='complementary']";

// Words that name page furniture in class and id names. Each is matched against the words a
// name is made of (split at `-`, `_` and case changes), in order: "share" matches `share-bar`,
// `c-share__button` and `shareTools`; "subscribe" never matches `subType-unsubscribed`, nor
// "promo" `promotional-content`.
const CHROME_WORDS = [
  ...["share", "sharing", "social", "newsletter", "subscribe", "subscription", "paywall"],
  ...["related", "popular", "most read", "trending", "weather", "cookie", "cookies", "advert"],
  ...["advertisement", "ad slot", "promo", "tag cloud", "tags list", "breadcrumb", "breadcrumbs"],
  ...["more content", "byline", "article meta", "topics", "read more", "recommended"],
].map((phrase) => phrase.split(" "));

// An element holding a paragraph this long holds running text, not furniture.
const LONG_PARAGRAPH_WORDS = 40;
// Furniture is short, or mostly links.
const CHROME_MAX_WORDS = 150;
const CHROME_LINK_DENSITY = 0.5;
// Never removed as furniture, whatever they are called: the page and its main content.
const PROTECTED_TAGS = new Set(["HTML", "BODY", "MAIN", "ARTICLE"]);

/** What stripChrome removed: how many elements, and how many words of text went with them. */
export interface StrippedChrome {
  elements: number;
  words: number;
}

/** Returns the document with only what never is text (scripts, styles, templates) taken out. */
export function withoutCode(document: Document): Document {
  for (const element of document.querySelectorAll(CODE)) element.remove();
  return document;
}

/**
 * Removes the page's furniture from the document in place: scripts, styles and pixels always;
 * share bars, rails, newsletter boxes, breadcrumbs and the like when their class or id names one
 * by whole words (or they are `nav`, `aside`, `footer` or such a role) and they look like
 * furniture: short or mostly links, with no long paragraph. `html`, `body`, `main`, `article`
 * and every element holding the page's longest run of paragraphs (with its ancestors) stay.
 */
export function stripChrome(document: Document): StrippedChrome {
  for (const element of document.querySelectorAll(ALWAYS_OUT)) element.remove();
  const story = storyHolders(document);
  const stripped: StrippedChrome = { elements: 0, words: 0 };
  // Still in the page: not inside what was removed before it (linkedom's isConnected is not).
  const root = document.documentElement;
  const candidates = [...document.querySelectorAll(`${CHROME_ELEMENTS}, [class], [id]`)];
  const remove = (element: Element) => {
    stripped.elements += 1;
    stripped.words += wordCount(textOf(element));
    element.remove();
  };
  for (const element of candidates) {
    if (!isChromeByName(element) || story.has(element) || !root?.contains(element)) continue;
    if (PROTECTED_TAGS.has(element.tagName) || !looksLikeChrome(element)) continue;
    remove(element);
  }
  for (const element of labelledLinks(document)) remove(element);
  return stripped;
}

// A label of a few words ending in a colon ("Read more:", "Auch interessant:").
const LINK_LABEL = /^[^.!?:]{1,40}:$/;
const LABEL_MAX_WORDS = 5;
// Teaser paragraphs are short, and what follows their label is a link to a story: a headline of
// a few words ("Source files: <a>app.js</a>" links to files, and stays).
const TEASER_MAX_WORDS = 30;
const HEADLINE_MIN_WORDS = 3;

/**
 * Links to other stories set in the text under a label: a paragraph that is a label and a link
 * ("Read more: <a>…</a>"), found inside story bodies without any class to name it. (A label
 * paragraph over a list of links is left: on deal and review pages such lists are the story.)
 */
function labelledLinks(document: Document): Element[] {
  const found: Element[] = [];
  for (const paragraph of document.querySelectorAll("p")) {
    const text = textOf(paragraph);
    const link = paragraph.querySelector("a");
    if (wordCount(text) > TEASER_MAX_WORDS || wordCount(textOf(link)) < HEADLINE_MIN_WORDS)
      continue;
    if (link !== null && isLabel(textBefore(paragraph, link)) && isMostlyLinks(paragraph, 0.5)) {
      found.push(paragraph);
    }
  }
  return found;
}

function isLabel(text: string): boolean {
  const label = text.replace(/\s+/g, " ").trim();
  return LINK_LABEL.test(label) && wordCount(label) <= LABEL_MAX_WORDS;
}

// The paragraph's text up to its first link.
function textBefore(paragraph: Element, link: Element): string {
  const full = paragraph.textContent ?? "";
  const at = full.indexOf(link.textContent ?? "");
  return at < 0 ? "" : full.slice(0, at);
}

function isMostlyLinks(element: Element, share: number): boolean {
  const words = wordCount(textOf(element));
  let linkWords = 0;
  for (const link of element.querySelectorAll("a")) linkWords += wordCount(textOf(link));
  return words > 0 && linkWords / words >= share;
}

function isChromeByName(element: Element): boolean {
  if (element.matches(CHROME_ELEMENTS)) return true;
  const names = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
  return names.split(/\s+/).some((name) => namesChrome(nameWords(name)));
}

/** The words a class or id name is made of: `c-share__button` → c, share, button. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function namesChrome(words: string[]): boolean {
  return CHROME_WORDS.some((phrase) =>
    words.some((_, at) => phrase.every((word, i) => words[at + i] === word)),
  );
}

function looksLikeChrome(element: Element): boolean {
  for (const paragraph of element.querySelectorAll("p")) {
    if (wordCount(textOf(paragraph)) >= LONG_PARAGRAPH_WORDS) return false;
  }
  return (
    wordCount(textOf(element)) <= CHROME_MAX_WORDS || isMostlyLinks(element, CHROME_LINK_DENSITY)
  );
}

// The story's container (see findRunningText) and its ancestors.
function storyHolders(document: Document): Set<Element> {
  const holders = new Set<Element>();
  const { container } = findRunningText(document);
  for (let element = container; element !== null; element = element.parentElement) {
    holders.add(element);
  }
  return holders;
}
