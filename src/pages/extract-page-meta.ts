import { canonicalizeUrl } from "../domain/canonical-url";
import { parseDate } from "../domain/parse-date";
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
import { readTitle } from "./read-title";
import { readVisibleDate } from "./read-visible-date";

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
    published: publishedOf(document, story),
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

// The first stated date that can be read: pages often carry a malformed one (`2017-03-13|19h18`)
// beside a good one.
function publishedOf(document: Document, story: JsonLdNode): string | null {
  const time = document.querySelector(
    '[itemprop="datePublished"][datetime], article time[datetime], time[datetime]',
  );
  const stated = [
    ldText(story.datePublished),
    ...PUBLISHED_METAS.map((key) => metaContent(document, key)),
    attrOf(time, "datetime"),
  ].filter((date): date is string => date !== null);
  return (
    stated.find((date) => parseDate(date) !== null) ?? visibleDate(document) ?? stated[0] ?? null
  );
}

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
const BYLINE =
  '[class*="byline"], [class*="author"], [class*="meta"], [class*="date"], [class*="time"], time, [id*="date"], [class*="posted"], [class*="publish"]';

// The date a reader sees by the story (its byline or date line), the story's own first; a date
// with a time of day beats a bare one (a masthead shows today's date, a byline the instant).
function visibleDate(document: Document): string | null {
  const scopes = [document.querySelector("article"), document.querySelector("main"), document.body];
  for (const scope of scopes) {
    const dates = [...(scope?.querySelectorAll(BYLINE) ?? [])]
      .map((element) => readVisibleDate(textOf(element)))
      .filter((date): date is string => date !== null);
    const found = dates.find((date) => /\d:\d\d/.test(date)) ?? dates[0];
    if (found) return found;
  }
  return null;
}

// Tags the page gives itself: article:tag, JSON-LD keywords, and rel=tag links inside the story
// (tag clouds in the page's chrome are every tag of the site, not this story's).
function tagsOf(document: Document, story: JsonLdNode): string[] {
  const inStory = [...document.querySelectorAll('article a[rel~="tag"]')].map((a) => textOf(a));
  const all = [...metaContents(document, "article:tag"), ...ldTexts(story.keywords), ...inStory];
  return [...new Set(all.filter((t) => t.length > 0))];
}
