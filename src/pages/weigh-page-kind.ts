import { canonicalizeUrl } from "../domain/canonical-url";
import { ARTICLE_TYPES, hasType, type JsonLdNode, ldText, readJsonLd } from "./read-json-ld";
import { attrOf, metaContent } from "./read-html";
import { hasTitledHeadline } from "./read-title";
import { findRunningText } from "./running-text";
import { isSameSite } from "./same-site";

/** What a page's evidence says it is. */
export interface PageKindEvidence {
  /** Read it as one story first (else as a listing first). */
  story: boolean;
  /**
   * A brief of a few words is still the page's story: the page says outright that it is an
   * article, or it sits at a story's address (its path or its own canonical link).
   */
  brief: boolean;
  /**
   * The page shows a list of stories (structured data, or several headline links): when none of
   * them can be read (a saved page's links do not resolve), it is not a story either.
   */
  listsStories: boolean;
}

// A block of running text this long is a story's body; listings' teasers are short and apart.
const DOMINANT_TEXT_WORDS = 150;
// Headline links that make a page look like a list of stories.
const MANY_HEADLINES = 8;
const SOME_HEADLINES = 4;
// Paths that look like one story: a date in the path, a long slug, a numeric id; a file name
// (`notice.html`) only hints at one, and a folder's index (`index.html`, `default.htm`) is a
// section's front page, not a story's address.
const STORY_PATH =
  /\/(?:19|20)\d\d\/\d{1,2}\/|\/[a-z0-9]+(?:[-_][a-z0-9]+){3,}(?:\.[a-z]+)?\/?$|\/\d{5,}(?:[/.-]|$)/i;
const FILE_PATH = /\/(?!(?:index|default)\.)[^/]+\.s?html?$/i;
// Open Graph types that name one work, as `article` does: a video, a song, a book.
const WORK_TYPE = /^(?:article|book|video\.[\w.]+|music\.[\w.]+)$/;
// Types of a page about many things; any other type (a repository's `object`, a `product`) is
// about one.
const MANY_TYPE = /^(?:website|blog|profile|product\.group)$/;
// A story served by a script: an id of five digits or more in the query (`?newsid=6486285`).
const STORY_QUERY = /[?&][\w-]+=\d{5,}(?:&|$)/;

/**
 * Weighs the evidence real pages carry for being one story or a list of them. A page that says
 * it is an article (JSON-LD `Article`/`NewsArticle`/`BlogPosting`/`LiveBlogPosting` alone, Open
 * Graph type `article` or another single work (`video.*`, `music.*`, `book`),
 * `article:published_time`) is a story. Otherwise structured lists (`ItemList`,
 * `CollectionPage`, several articles) make a listing; then a dominant block of running text, a
 * story-like path, a canonical URL that is the page itself, an Open Graph type of one thing
 * (`object`, `product`) and a headline the page's own title names count for a story,
 * and many headline links, `og:type=website` and the site's root for a listing. A few related
 * links under a long text, or `website` alone, do not make a listing.
 */
export function weighPageKind(document: Document, pageUrl: string): PageKindEvidence {
  const nodes = readJsonLd(document);
  const articles = distinctArticles(nodes.filter((node) => hasType(node, ...ARTICLE_TYPES)));
  const listed = nodes.some((node) => hasType(node, "ItemList", "CollectionPage"));
  const ogType = metaContent(document, "og:type")?.toLowerCase() ?? null;
  const saysArticle =
    nodes.some((node) => hasType(node, "LiveBlogPosting")) ||
    (articles === 1 && !listed) ||
    (ogType !== null && WORK_TYPE.test(ogType)) ||
    metaContent(document, "article:published_time") !== null;
  const headlines = headlineLinks(document, pageUrl);
  const listsStories = listed || articles > 1 || headlines >= SOME_HEADLINES;
  if (saysArticle) return { story: true, brief: true, listsStories };
  if (listed || articles > 1) return { story: false, brief: false, listsStories };
  const { path, query } = addressOf(pageUrl);
  const storyPath = STORY_PATH.test(path) || STORY_QUERY.test(query);
  const address = storyPath || FILE_PATH.test(path) || isOwnCanonical(document, pageUrl, path);
  const dominant = findRunningText(document).words >= DOMINANT_TEXT_WORDS;
  const story = (dominant ? 2 : 0) + (address ? 1 : 0) + oneThingScore(document, ogType);
  const listing = listingScore(headlines, path, ogType);
  // A long text under a run of related links, or a story's path, still make one story when the
  // evidence is even; otherwise a tie is a list.
  const even = dominant || storyPath ? story >= listing : story > listing;
  return { story: even, brief: address, listsStories };
}

// Links in h2/h3 headings to the page's own site: a box of other sites' names is no listing.
function headlineLinks(document: Document, pageUrl: string): number {
  const links = [...document.querySelectorAll("h2 a[href], h3 a[href]")];
  return links.filter((link) => isSameSite(attrOf(link, "href") ?? "", pageUrl)).length;
}

// The page names one thing: an Open Graph type that is not a list's, and the headline it shows
// is the one its own title names.
function oneThingScore(document: Document, ogType: string | null): number {
  const oneType = ogType !== null && !MANY_TYPE.test(ogType) ? 1 : 0;
  return oneType + (hasTitledHeadline(document) ? 1 : 0);
}

function listingScore(headlines: number, path: string, ogType: string | null): number {
  const many = headlines >= MANY_HEADLINES ? 2 : headlines >= SOME_HEADLINES ? 1 : 0;
  const root = path === "/" ? 1 : 0;
  return many + (ogType === "website" ? 1 : 0) + root;
}

// The canonical link names this very page, and the page is not the site's root.
function isOwnCanonical(document: Document, pageUrl: string, path: string): boolean {
  const canonical = canonicalizeUrl(
    attrOf(document.querySelector('link[rel~="canonical"]'), "href"),
    pageUrl,
  );
  return canonical !== null && canonical === canonicalizeUrl(pageUrl) && path !== "/";
}

// How many stories the article nodes describe: a page often describes its one story twice
// (an `Article` and a `NewsArticle` from two plugins), under the same headline.
function distinctArticles(nodes: readonly JsonLdNode[]): number {
  const keys = nodes.map(
    (node, i) => ldText(node.headline) ?? ldText(node.name) ?? ldText(node.url) ?? String(i),
  );
  return new Set(keys.map((key) => key.toLowerCase())).size;
}

// The page's path (without a `;jsessionid=...` session parameter) and query; an unreadable URL
// counts as the site's root.
function addressOf(url: string): { path: string; query: string } {
  try {
    const { pathname, search } = new URL(url);
    return { path: pathname.replace(/;[^/]*$/, ""), query: search };
  } catch {
    return { path: "/", query: "" };
  }
}
