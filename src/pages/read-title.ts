import { LABEL_SELECTOR } from "./label-selector";
import { type JsonLdNode, ldText } from "./read-json-ld";
import { metaContent, textOf } from "./read-html";
import { sameLetters } from "./same-letters";
import { type SiteNames, stripSiteName } from "./strip-site-name";

const DC_TITLES = ["dc.title", "dc:title", "dcterm:title", "dcterms.title"];
// Where a site shows its own name as a heading: its banner, its menus, a link home.
const BANNER = "header:not(article header), nav, a";
const CJK = /[\u3040-\u30ff\u4e00-\u9fff]/;

/**
 * Returns the story's title. A Dublin Core title is set on purpose; else the headline the story
 * shows wins over the social title (og:title is often rewritten for sharing) when it reads as a
 * headline; then og:title, twitter:title, the JSON-LD headline; then a short heading the page's
 * `<title>` holds (a name, a product); last the `<title>`, its site name and labels guessed off.
 */
export function readTitle(
  document: Document,
  story: JsonLdNode,
  siteName: string | null,
  pageUrl: string,
): string | null {
  const site: SiteNames = { name: siteName, host: hostOf(pageUrl) };
  const heading = findHeadline(document, site.name);
  const title = textOf(document.querySelector("title"));
  // A short heading the `<title>` holds names the page ("New Zealand"), better than a JSON-LD
  // headline that says something else (a description); one it does not hold is chrome (a
  // widget's "Original text").
  const titled = heading && title && holds(sameLetters(title), heading) ? heading : null;
  const stated = [
    metaContent(document, ...DC_TITLES),
    isHeadline(heading, site.name) ? heading : null,
    metaContent(document, "og:title", "twitter:title"),
    titled,
    ldText(story.headline),
  ].find((t) => t !== null && t !== "");
  if (stated) return stated === titled ? titled : stripSiteName(stated, site);
  if (heading && !title) return heading;
  return title ? stripSiteName(title, site, true) : null;
}

// The page's headline: the first `<h1>` that reads as a headline and that the page's own title
// (og:title, twitter:title, `<title>`) holds, wherever it sits (a site header too); else the
// first `<h1>` outside the site's banner and menus.
function findHeadline(document: Document, siteName: string | null): string | null {
  const headings = [...document.querySelectorAll("h1")]
    .map((element) => ({ element, text: headingText(element) }))
    .filter(
      (heading): heading is { element: HTMLHeadingElement; text: string } => heading.text !== null,
    );
  const titles = pageTitles(document);
  const titled = headings.find(({ text }) => isTitled(text, titles, siteName));
  return (titled ?? headings.find(({ element }) => !element.closest(BANNER)))?.text ?? null;
}

/** Whether the page's own title holds a headline-like `<h1>`: a sign it shows one story. */
export function hasTitledHeadline(document: Document): boolean {
  const titles = pageTitles(document);
  const siteName = metaContent(document, "og:site_name");
  return [...document.querySelectorAll("h1")].some((h1) =>
    isTitled(headingText(h1), titles, siteName),
  );
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

function pageTitles(document: Document): string[] {
  const stated = [
    metaContent(document, "og:title"),
    metaContent(document, "twitter:title"),
    textOf(document.querySelector("title")),
  ];
  return stated.map((title) => sameLetters(title ?? "")).filter((title) => title !== "");
}

// The site's name in a banner <h1> is held by the <title> too, but is not the headline.
function isTitled(heading: string | null, titles: string[], siteName: string | null): boolean {
  return isHeadline(heading, siteName) && titles.some((title) => holds(title, heading));
}

// Whether a title (its letters, see sameLetters) holds the heading's words.
function holds(titleLetters: string, heading: string): boolean {
  const letters = sameLetters(heading);
  return letters !== "" && titleLetters.includes(letters);
}

function isHeadline(text: string | null, siteName: string | null): text is string {
  if (!text || text.toLowerCase() === siteName?.toLowerCase()) return false;
  const words = text.split(/\s+/).length;
  return words >= 3 || (CJK.test(text) && text.length >= 8);
}

// A heading's own words: a kicker or category label inside it is not part of the headline.
function headingText(heading: Element): string | null {
  const copy = heading.cloneNode(true) as Element;
  for (const label of copy.querySelectorAll(LABEL_SELECTOR)) label.remove();
  return textOf(copy) || null;
}
