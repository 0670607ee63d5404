import { canonicalizeUrl } from "../domain/canonical-url";
import { LABEL_SELECTOR } from "./label-selector";
import { attrOf, textOf } from "./read-html";
import { readVisibleDate } from "./read-visible-date";
import { siteOf } from "./same-site";

/** One story block of a listing page: its headline link and what the block shows with it. */
export interface HeadlineBlock {
  link: string;
  title: string;
  summary: string | null;
  published: string | null;
  imageUrl: string | null;
}

// Page furniture whose links are never the page's headlines (rails are read for popularity).
const CHROME = [
  "body > header",
  'header[class*="masthead"]',
  'header[class*="site"]',
  "nav",
  "footer",
  "aside",
  "form",
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  ...["popular", "most-read", "trending", "menu", "cookie", "newsletter", "weather", "tag-cloud"]
    .concat(["breadcrumb", "pagination", "footer", "sidebar", "widget", "advert"])
    .map((word) => `[class*="${word}"], [id*="${word}"]`),
].join(", ");
const HEADING = "h1, h2, h3, h4";
const LIST_ITEM = "main li, article li, [role='main'] li";
const TEASER =
  '[class*="dek"], [class*="summary"], [class*="teaser"], [class*="standfirst"], [class*="excerpt"], p';
const MIN_TITLE_CHARS = 15;
const MIN_TEASER_CHARS = 30;
const PLACEHOLDER = /^data:|blank\.gif|placeholder|spacer/i;

/**
 * Returns the page's story blocks in page order: headings that link to a story (not to a
 * section, a tag or the page itself), each with the largest surrounding element that holds no
 * other such heading, and from that block a teaser, a date and an image (lazy-loaded ones too).
 */
export function findHeadlineBlocks(document: Document, pageUrl: string): HeadlineBlock[] {
  const copy = document.cloneNode(true) as Document;
  for (const element of copy.querySelectorAll(CHROME)) element.remove();
  const holders = (selector: string) =>
    [...copy.querySelectorAll(selector)].filter((h) => storyLink(h, pageUrl) !== null);
  // Archive pages list their stories as list items of links, without headings.
  const byHeading = holders(HEADING);
  const headings = byHeading.length > 0 ? byHeading : holders(LIST_ITEM);
  return headings.map((heading) => {
    const anchor = storyLink(heading, pageUrl) as { link: string; title: string };
    const block = blockOf(heading, headings);
    return {
      ...anchor,
      summary: teaserOf(block, anchor.title),
      published: dateOf(block),
      imageUrl: imageOf(block),
    };
  });
}

function storyLink(heading: Element, pageUrl: string): { link: string; title: string } | null {
  const anchor = heading.querySelector("a[href]") ?? heading.closest("a[href]");
  const link = canonicalizeUrl(attrOf(anchor, "href"), pageUrl);
  if (anchor === null || link === null || !isStoryUrl(link, pageUrl)) return null;
  const copy = anchor.cloneNode(true) as Element;
  for (const label of copy.querySelectorAll(LABEL_SELECTOR)) label.remove();
  const title = textOf(copy);
  return isHeadlineText(title) ? { link, title } : null;
}

// A headline is a phrase: a single word (a section's name, however long: "Lebensmittelsicherheit") is a label,
// except in the scripts written without spaces (Chinese, Japanese, Thai).
function isHeadlineText(title: string): boolean {
  return title.length >= MIN_TITLE_CHARS && (/\s/.test(title) || UNSPACED_SCRIPT.test(title));
}
const UNSPACED_SCRIPT = /[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff]/;

// A story lives on the page's own site below its root, not at a section, tag, author or search
// address; a card linking to another site is an advertiser's or a partner's.
function isStoryUrl(link: string, pageUrl: string): boolean {
  const url = new URL(link);
  if (link === canonicalizeUrl(pageUrl) || url.pathname === "/") return false;
  if (siteOf(url.hostname) !== siteOf(new URL(pageUrl).hostname)) return false;
  return !/^\/(?:tags?|topics?|category|categories|section|author|authors|search|page)(?:\/|$)/i.test(
    url.pathname,
  );
}

// The last two labels of a host name: www.site.example and cdn.site.example are one site.
function blockOf(heading: Element, headings: Element[]): Element {
  let block: Element = heading;
  for (
    let parent = heading.parentElement;
    parent && parent.tagName !== "BODY";
    parent = parent.parentElement
  ) {
    if (headings.some((other) => other !== heading && parent.contains(other))) break;
    block = parent;
  }
  return block;
}

function teaserOf(block: Element, title: string): string | null {
  for (const candidate of block.querySelectorAll(TEASER)) {
    const text = textOf(candidate);
    if (text.length >= MIN_TEASER_CHARS && !text.includes(title)) return text;
  }
  return null;
}

function dateOf(block: Element): string | null {
  const time = block.querySelector("time[datetime]");
  return attrOf(time, "datetime") ?? readVisibleDate(textOf(block.querySelector("time") ?? block));
}

function imageOf(block: Element): string | null {
  const img = block.querySelector("img");
  if (img === null) return null;
  const src = attrOf(img, "src");
  if (src && !PLACEHOLDER.test(src)) return src;
  const lazy =
    attrOf(img, "data-src") ?? attrOf(img, "data-lazy-src") ?? attrOf(img, "data-original");
  const srcset = attrOf(img, "data-srcset") ?? attrOf(img, "srcset");
  return lazy ?? srcset?.split(",")[0]?.trim().split(/\s+/)[0] ?? null;
}
