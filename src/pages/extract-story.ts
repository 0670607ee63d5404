import { Readability } from "@mozilla/readability";
import type { RawItem } from "../domain/raw-feed";
import { escapeHtml } from "../domain/text-to-html";
import type { PageMeta } from "./extract-page-meta";
import { LABEL_SELECTOR } from "./label-selector";
import { textOf } from "./read-html";
import { isSameHeadline } from "./same-headline";
import { wordCount } from "./running-text";
import { stripChrome, withoutCode } from "./strip-chrome";

// Fewer words than this is a teaser or a listing, not a story, unless the page says it is one.
const MIN_STORY_WORDS = 60;
const MIN_BRIEF_WORDS = 1;
// On a page with no headlines to list, a paragraph of text is its story (a soft "not found"
// page, a sentence or two, is not).
const MIN_LONE_TEXT_WORDS = 30;

/** A story page read: its metadata and the story as a raw item. */
export interface ExtractedStory {
  meta: PageMeta;
  item: RawItem;
}

/** How sure the caller is that the page is a story. */
export interface StoryOptions {
  /**
   * `brief`: the page says it is an article, so a brief under 60 words is still its story;
   * `lone`: the page has nothing else to read (no headlines), so a paragraph of text will do;
   * `story` (the default): 60 words at least.
   */
  length?: "story" | "brief" | "lone";
}

/**
 * Returns the story a page tells, or null when it tells none (a listing, an error page): the
 * body found by readability once the page's chrome (share bars, rails, newsletter boxes, labels
 * glued to the headline, the headline itself) is out, with the page's metadata around it. When
 * taking the chrome out cost more text than the chrome held (readability then settled on a
 * smaller block), readability's reading of the page as it is wins.
 */
export function extractStory(
  document: Document,
  pageUrl: string,
  meta: PageMeta,
  opts: StoryOptions = {},
): ExtractedStory | null {
  const body = readBody(document, meta.title, minWords(opts.length ?? "story"));
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

function minWords(length: "story" | "brief" | "lone"): number {
  if (length === "brief") return MIN_BRIEF_WORDS;
  return length === "lone" ? MIN_LONE_TEXT_WORDS : MIN_STORY_WORDS;
}

interface Body {
  title: string | null;
  content: string;
  excerpt: string;
}

function readBody(document: Document, title: string | null, minWords: number): Body | null {
  const cleaned = withoutHeadline(document.cloneNode(true) as Document, title);
  const stripped = stripChrome(cleaned);
  const clean = readArticle(cleaned);
  const raw =
    stripped.elements > 0
      ? readArticle(withoutHeadline(withoutCode(document.cloneNode(true) as Document), title))
      : null;
  // The chrome taken out cost more text than it held, or all of the story: the page as it is.
  const lost = (raw: ReadArticle) =>
    clean.words < raw.words - stripped.words || clean.words < minWords;
  const best = raw !== null && lost(raw) ? raw : clean;
  if (best.body === null || best.words < minWords) return null;
  return best.body;
}

interface ReadArticle {
  body: Body | null;
  words: number;
}

function readArticle(document: Document): ReadArticle {
  const article = new Readability(document, { keepClasses: false }).parse();
  const text = article?.textContent ?? "";
  if (!article?.content) return { body: null, words: 0 };
  const body = {
    title: article.title ?? null,
    content: article.content,
    excerpt: article.excerpt ?? firstWords(text),
  };
  return { body, words: wordCount(text) };
}

// The page without its headline (the story's title is kept apart) and labels glued to it: each
// `<h1>` that repeats the title, or the first when the page states no title. An `<h1>` that says
// something else is part of what the page tells.
function withoutHeadline(document: Document, title: string | null): Document {
  const headings = [...document.querySelectorAll("h1")];
  const repeats = (heading: Element, i: number) =>
    title === null ? i === 0 : isSameHeadline(textOf(heading), title);
  for (const heading of headings.filter(repeats)) {
    for (const label of siblingLabels(heading)) label.remove();
    heading.remove();
  }
  return document;
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
