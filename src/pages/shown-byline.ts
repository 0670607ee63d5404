import { joinNames, nameInByline, opensByline, writtenNameList } from "./byline-name";
import { textOf } from "./read-html";

// The story's own byline, most specific first: microdata, rel=author, a link to an author page
// inside a byline, a named author element, then the byline's own text. Class words are matched
// without regard to case (`ShareByline`, `AssistAuthor`).
const NAME_SELECTORS = [
  '[itemprop~="author"] [itemprop="name"]',
  'a[rel~="author"]',
  '[class*="byline" i] a[href*="/author"], [class*="byline" i] a[href*="/people/"], [class*="byline" i] a[href*="/profile"]',
  '[class*="author-name" i], [class*="authorName"], [class*="author__name" i], [class*="author-card__details__name"], [class*="writer-name" i]',
  '[itemprop~="author"]',
  '[class*="byline" i] a, [class*="byline" i] span',
  'a[href*="/author/"], a[href*="/authors/"]',
];
// Markup that says outright it holds the author's name, so a user name ("doumae") counts.
const EXPLICIT = new Set(NAME_SELECTORS.slice(0, 2));
const BYLINE_SELECTOR =
  '[class*="byline" i], [id*="byline" i], [class*="author" i], [class*="writer" i]';
const MAX_BYLINE_LENGTH = 160;
// A story is longer than this; an `<article>` shorter is a teaser of another story.
const MIN_STORY_CHARS = 500;
const MAX_CO_AUTHORS = 6;

/**
 * Returns the byline the page shows for its story, searched in the story's `<article>`, then
 * `<main>`, then the whole page: named author markup (co-authors joined), then a block whose
 * class says author, byline or writer, then a line that opens with "By"; null when none.
 */
export function readShownByline(document: Document): string | null {
  for (const scope of storyScopes(document)) {
    const found = namedAuthors(scope) ?? authorBlock(scope) ?? byLine(scope);
    if (found) return found;
  }
  return null;
}

// The `<article>` that holds the headline (else the first long enough to be a story, not a
// teaser), `<main>`, the body.
function storyScopes(document: Document): Element[] {
  const headline = document.querySelector("h1")?.closest("article");
  const article =
    headline ??
    [...document.querySelectorAll("article")].find((a) => textOf(a).length >= MIN_STORY_CHARS);
  const scopes: (Element | null | undefined)[] = [
    article,
    document.querySelector("main"),
    document.body,
  ];
  return scopes.filter((scope): scope is Element => scope !== null && scope !== undefined);
}

function namedAuthors(scope: Element): string | null {
  for (const selector of NAME_SELECTORS) {
    const handle = EXPLICIT.has(selector);
    const first = [...scope.querySelectorAll(selector)].find((e) =>
      nameInByline(textOf(e), handle),
    );
    if (!first) continue;
    // Co-authors share the first name's byline; names elsewhere are other stories' authors.
    const block = bylineOf(first);
    const names = [block, ...block.querySelectorAll(selector)]
      .filter((e) => e.matches(selector))
      .map((e) => nameInByline(textOf(e), handle))
      .filter((name): name is string => name !== null);
    const found = distinctNames(names).slice(0, MAX_CO_AUTHORS);
    return writtenList(first, block, found) ?? joinNames(found);
  }
  return null;
}

// The names as the page words them: the smallest block around the first that lists them all.
function writtenList(first: Element, block: Element, names: string[]): string | null {
  for (let e: Element | null = first; e; e = e === block ? null : e.parentElement) {
    const written = writtenNameList(textOf(e), names);
    if (written) return written;
  }
  return null;
}

// A block named for its author: its text, else (when short and made only of other elements,
// such as an author card's link, photo and title) the first of them that is a name.
function authorBlock(scope: Element): string | null {
  for (const block of scope.querySelectorAll(BYLINE_SELECTOR)) {
    const text = textOf(block);
    const name =
      nameInByline(text) ??
      (text.length <= MAX_BYLINE_LENGTH && !ownText(block)
        ? firstName(block.querySelectorAll("*"))
        : null);
    if (name) return name;
  }
  return null;
}

// A line that opens with "By" (or "Written by", "文："): its name, else its first linked name
// ("Written by <a>Ann Lee</a> in <a>Science</a> on ...").
function byLine(scope: Element): string | null {
  for (const element of scope.querySelectorAll("*")) {
    // "By" inside a link labels the link (a partner widget's "By PubExchange"), not the story.
    if (!opensByline(ownText(element)) || element.closest("a")) continue;
    const block = bylineOf(element, true);
    const name = nameInByline(textOf(block)) ?? firstName(block.querySelectorAll("a"));
    if (name) return name;
  }
  return null;
}

function firstName(elements: Iterable<Element>): string | null {
  for (const element of elements) {
    const name = nameInByline(textOf(element));
    if (name) return name;
  }
  return null;
}

// The element's first text of its own (not its children's): where "By" stands in a byline.
function ownText(element: Element): string {
  for (const node of element.childNodes) {
    const text = node.nodeType === 3 ? (node.textContent ?? "").trim() : "";
    if (text) return text;
  }
  return "";
}

// Each name once, and not again with a job title after it ("Ann Lee" and "Ann Lee Staff Writer").
function distinctNames(names: string[]): string[] {
  const unique = [...new Set(names)];
  return unique.filter(
    (name) => !unique.some((other) => other !== name && name.startsWith(`${other} `)),
  );
}

// The largest block around an element that is still a byline (short text): where co-authors
// sit. A "By" line's block must also still open with the element's own text.
function bylineOf(element: Element, opening = false): Element {
  let block = element;
  for (
    let parent = block.parentElement;
    parent && !isSection(parent);
    parent = parent.parentElement
  ) {
    const text = textOf(parent);
    if (text.length > MAX_BYLINE_LENGTH || (opening && !text.startsWith(textOf(block)))) break;
    block = parent;
  }
  return block;
}

function isSection(element: Element): boolean {
  return /^(?:ARTICLE|MAIN|BODY|HTML)$/.test(element.tagName.toUpperCase());
}
