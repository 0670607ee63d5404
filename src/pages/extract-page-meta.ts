import { canonicalizeUrl } from "../domain/canonical-url";
import { resolveUrl } from "../domain/resolve-url";
import {
  ARTICLE_TYPES,
  hasType,
  type JsonLdNode,
  ldText,
  ldTexts,
  readJsonLd,
} from "./read-json-ld";
import { attrOf, metaContent, metaContents, textOf } from "./read-html";
import { readByline } from "./read-byline";
import { readPublished } from "./read-published";
import { stripSiteName } from "./strip-site-name";

/** What a page says about itself: the story's metadata, before normalization (raw text). */
export interface PageMeta {
  canonicalUrl: string | null;
  title: string | null;
  description: string | null;
  published: string | null;
  modified: string | null;
  author: string | null;
  section: string | null;
  tags: string[];
  imageUrl: string | null;
  language: string | null;
  siteName: string | null;
}

/**
 * Returns the page's metadata, each field from the most trusted place that has it: JSON-LD,
 * then Open Graph and other `<meta>`, then the markup (`<h1>`, `<time>`, a byline, visible dates).
 */
export function extractPageMeta(document: Document, pageUrl: string): PageMeta {
  const story = readJsonLd(document).find((node) => hasType(node, ...ARTICLE_TYPES)) ?? {};
  const siteName = metaContent(document, "og:site_name") ?? ldText(publisherOf(story));
  return {
    canonicalUrl: canonicalUrlOf(document, pageUrl),
    title: titleOf(document, story, siteName),
    description:
      ldText(story.description) ??
      metaContent(document, "og:description", "description", "twitter:description"),
    published: readPublished(document, story, pageUrl),
    modified:
      ldText(story.dateModified) ??
      metaContent(document, "article:modified_time", "og:updated_time", "dateModified"),
    author: readByline(document, story, siteName),
    section: ldText(story.articleSection) ?? metaContent(document, "article:section"),
    tags: tagsOf(document, story),
    imageUrl: resolveUrl(
      ldText(story.image) ?? metaContent(document, "og:image", "twitter:image"),
      pageUrl,
    ),
    language:
      attrOf(document.documentElement, "lang") ?? metaContent(document, "og:locale", "language"),
    siteName,
  };
}

function publisherOf(story: JsonLdNode): unknown {
  return typeof story.publisher === "object" ? story.publisher : null;
}

// `link rel=canonical` wins; else og:url; both lose their tracking parameters.
function canonicalUrlOf(document: Document, pageUrl: string): string | null {
  const link = attrOf(document.querySelector('link[rel~="canonical"]'), "href");
  return (
    canonicalizeUrl(link, pageUrl) ?? canonicalizeUrl(metaContent(document, "og:url"), pageUrl)
  );
}

// A Dublin Core title is set on purpose; else the headline the story shows (its `<h1>`) wins over the social title (og:title is often
// rewritten for sharing), unless it is the site's name or a word or two of a section label.
function titleOf(document: Document, story: JsonLdNode, siteName: string | null): string | null {
  const h1 = document.querySelector("article h1, main h1, h1");
  const heading = h1 && !h1.closest("header:not(article header), nav, a") ? headingText(h1) : null;
  const stated = [
    metaContent(document, "dc.title", "dc:title", "dcterm:title", "dcterms.title"),
    isHeadline(heading, siteName) ? heading : null,
    metaContent(document, "og:title", "twitter:title"),
    ldText(story.headline),
    heading,
  ].find((t) => t !== null && t !== "");
  if (stated) return stripSiteName(stated, siteName);
  const title = textOf(document.querySelector("title"));
  return title ? stripSiteName(title, siteName, true) : null;
}

function isHeadline(text: string | null, siteName: string | null): text is string {
  if (!text || text.toLowerCase() === siteName?.toLowerCase()) return false;
  const words = text.split(/\s+/).length;
  return words >= 3 || (/[\u3040-\u30ff\u4e00-\u9fff]/.test(text) && text.length >= 8);
}

// A heading's own words: a kicker or category label inside it is not part of the headline.
function headingText(heading: Element): string | null {
  const copy = heading.cloneNode(true) as Element;
  for (const label of copy.querySelectorAll(LABEL_SELECTOR)) label.remove();
  return textOf(copy) || null;
}

/** Elements that label a story (kicker, category, section) rather than tell it. */
export const LABEL_SELECTOR =
  '[class*="kicker"], [class*="category"], [class*="eyebrow"], [class*="overline"], [class*="section-label"]';

// Tags the page gives itself: article:tag, JSON-LD keywords, and rel=tag links inside the story
// (tag clouds in the page's chrome are every tag of the site, not this story's).
function tagsOf(document: Document, story: JsonLdNode): string[] {
  const inStory = [...document.querySelectorAll('article a[rel~="tag"]')].map((a) => textOf(a));
  const all = [...metaContents(document, "article:tag"), ...ldTexts(story.keywords), ...inStory];
  return [...new Set(all.filter((t) => t.length > 0))];
}
