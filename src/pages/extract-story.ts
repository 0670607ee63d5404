import { Readability } from "@mozilla/readability";
import type { RawItem } from "../domain/raw-feed";
import { escapeHtml } from "../domain/text-to-html";
import { extractPageMeta, LABEL_SELECTOR, type PageMeta } from "./extract-page-meta";
import { textOf } from "./read-html";

/** Page furniture that readability may keep when it sits inside the story's container. */
const CHROME_SELECTOR = [
  "script",
  "style",
  "noscript",
  "template",
  "form",
  "nav",
  "aside",
  "footer",
  '[role="navigation"]',
  '[role="complementary"]',
  ...[
    "share",
    "social",
    "newsletter",
    "subscribe",
    "paywall",
    "related",
    "popular",
    "most-read",
    "trending",
    "weather",
    "cookie",
    "advert",
    "promo",
    "tag-cloud",
    "tags-list",
    "breadcrumb",
    "more-content",
    "byline",
    "article-meta",
    "article__meta",
    "topics",
    "read-more",
  ].map((word) => `[class*="${word}"], [id*="${word}"]`),
  "amp-ad",
  'img[width="1"]',
  'img[height="1"]',
].join(", ");

// Fewer words than this is a teaser or a listing, not a story.
const MIN_STORY_WORDS = 60;

/** A story page read: its metadata and the story as a raw item. */
export interface ExtractedStory {
  meta: PageMeta;
  item: RawItem;
}

/**
 * Returns the story a page tells, or null when it tells none (a listing, an error page): the
 * body found by readability once the page's chrome (share bars, rails, newsletter boxes, labels
 * glued to the headline, the headline itself) is out, with the page's metadata around it.
 */
export function extractStory(document: Document, pageUrl: string): ExtractedStory | null {
  const meta = extractPageMeta(document, pageUrl);
  const body = readBody(document);
  if (body === null) return null;
  const title = meta.title ?? body.title;
  return {
    meta,
    item: {
      guid: null,
      link: meta.canonicalUrl ?? pageUrl,
      title: title ? escapeHtml(title) : null,
      summary: escapeHtml(meta.description ?? body.excerpt),
      content: body.content,
      author: meta.author,
      published: meta.published,
      updated: meta.modified,
      categories: [...(meta.section ? [meta.section] : []), ...meta.tags],
      enclosures: [],
      imageUrl: meta.imageUrl,
      language: meta.language,
    },
  };
}

interface Body {
  title: string | null;
  content: string;
  excerpt: string;
}

function readBody(document: Document): Body | null {
  const copy = document.cloneNode(true) as Document;
  for (const element of copy.querySelectorAll(CHROME_SELECTOR)) element.remove();
  for (const heading of copy.querySelectorAll("h1")) {
    for (const label of siblingLabels(heading)) label.remove();
    heading.remove();
  }
  const article = new Readability(copy, { keepClasses: false }).parse();
  const text = article?.textContent ?? "";
  if (!article?.content || text.split(/\s+/).filter(Boolean).length < MIN_STORY_WORDS) return null;
  return {
    title: article.title ?? null,
    content: article.content,
    excerpt: article.excerpt ?? firstWords(text),
  };
}

// A short label right before the headline ("China" in <a class="category">China</a><h1>…).
function siblingLabels(heading: Element): Element[] {
  const before = heading.previousElementSibling;
  const isLabel =
    before !== null && before.matches(LABEL_SELECTOR) && textOf(before).split(" ").length <= 4;
  return isLabel ? [before] : [];
}

function firstWords(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 400);
}
