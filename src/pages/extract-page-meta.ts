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
import { readTitle } from "./read-title";

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
    title: readTitle(document, story, siteName, pageUrl),
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

// Tags the page gives itself: article:tag, JSON-LD keywords, and rel=tag links inside the story
// (tag clouds in the page's chrome are every tag of the site, not this story's).
function tagsOf(document: Document, story: JsonLdNode): string[] {
  const inStory = [...document.querySelectorAll('article a[rel~="tag"]')].map((a) => textOf(a));
  const all = [...metaContents(document, "article:tag"), ...ldTexts(story.keywords), ...inStory];
  return [...new Set(all.filter((t) => t.length > 0))];
}
