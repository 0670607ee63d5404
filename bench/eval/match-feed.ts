import type { ExpectedFeed, ExpectedItem } from "./expected-feed";
import { normalizeAuthor, normalizeText, normalizeUrl } from "./match-metadata";

/** The parts of newsgate's parse result that are compared (ParsedDocument's feed and articles). */
export interface ParsedFeed {
  feed: { title: string | null; siteUrl: string | null; description: string | null };
  articles: readonly ParsedItem[];
}

/** The compared fields of an Article; `publishedAt` null when no date was read. */
export interface ParsedItem {
  title: string;
  url: string;
  guid: string | null;
  summary: string | null;
  contentHtml: string | null;
  contentText: string | null;
  author: string | null;
  publishedAt: number | null;
  updatedAt: number | null;
  tags: readonly { slug: string; name: string }[];
  enclosures: readonly { url: string }[];
}

/** One expected field and whether newsgate gave it. */
export interface FieldCheck {
  /** `feed.title`, `items[2].published`, ... */
  path: string;
  expected: string;
  found: string | null;
  ok: boolean;
}

/**
 * Checks every field the golden states against the parse. Each expected item is paired with the
 * article of the same link, else the same guid, else the same title, else the one at its index.
 */
export function checkFeed(expected: ExpectedFeed, parsed: ParsedFeed): FieldCheck[] {
  const checks: FieldCheck[] = [];
  const add = (path: string, want: string | undefined, found: string | null, ok: boolean) => {
    if (want !== undefined) checks.push({ path, expected: want, found, ok });
  };
  const feed = parsed.feed;
  add("feed.title", expected.title, feed.title, sameText(expected.title, feed.title));
  add("feed.link", expected.link, feed.siteUrl, sameUrl(expected.link, feed.siteUrl));
  add(
    "feed.description",
    expected.description,
    feed.description,
    sameText(expected.description, feed.description),
  );
  expected.items.forEach((item, i) => {
    const article = pairArticle(item, i, parsed.articles);
    for (const check of checkItem(item, article))
      checks.push({ ...check, path: `items[${i}].${check.path}` });
  });
  return checks;
}

/** Checks one expected item's fields against its article (none: every field missed). */
export function checkItem(item: ExpectedItem, article: ParsedItem | null): FieldCheck[] {
  const checks: FieldCheck[] = [];
  const add = (
    path: string,
    want: string | undefined,
    found: string | null | undefined,
    ok: boolean,
  ) => {
    if (want === undefined) return;
    const shown = article ? (found ?? null) : null;
    checks.push({ path, expected: want, found: shown, ok: article !== null && ok });
  };
  const a = article;
  add("title", item.title, a?.title, sameText(item.title, a?.title ?? null));
  add("link", item.link, a?.url, sameUrl(item.link, a?.url ?? null));
  add("guid", item.guid, a?.guid, !!a?.guid && a.guid.trim() === item.guid?.trim());
  add("description", item.hasDescription ? "present" : undefined, a?.summary, !!a?.summary?.trim());
  const content = a?.contentHtml ?? a?.contentText;
  add("content", item.hasContent ? "present" : undefined, content?.slice(0, 60), !!content?.trim());
  add(
    "published",
    item.published,
    isoOf(a?.publishedAt),
    sameInstant(item.published, a?.publishedAt),
  );
  add("updated", item.updated, isoOf(a?.updatedAt), sameInstant(item.updated, a?.updatedAt));
  add(
    "authors",
    item.authors?.join("; "),
    a?.author,
    hasAuthors(item.authors ?? [], a?.author ?? null),
  );
  const names = (a?.tags ?? []).flatMap((t) => [normalizePlain(t.name), t.slug]);
  add(
    "categories",
    item.categories?.join("; "),
    names.join("; "),
    (item.categories ?? []).every((c) => names.includes(normalizeText(c))),
  );
  const urls = (a?.enclosures ?? []).map((e) => normalizeUrl(e.url));
  add(
    "enclosures",
    item.enclosures?.join(" "),
    urls.join(" "),
    (item.enclosures ?? []).every((u) => urls.includes(normalizeUrl(u))),
  );
  return checks;
}

function pairArticle(
  item: ExpectedItem,
  index: number,
  articles: readonly ParsedItem[],
): ParsedItem | null {
  return (
    (item.link && articles.find((a) => sameUrl(item.link, a.url))) ||
    (item.guid && articles.find((a) => a.guid === item.guid)) ||
    (item.title && articles.find((a) => sameText(item.title, a.title))) ||
    articles[index] ||
    null
  );
}

// The golden holds the element's text as the feed wrote it, which feeds treat as HTML (tags, and
// markup escaped inside CDATA); newsgate's titles and names are plain text already. So the golden is
// read as HTML and ours as text: `<p>Title</p>` in a newsgate title is what the reader sees.
function sameText(want: string | undefined, found: string | null): boolean {
  return want !== undefined && found !== null && normalizeText(want) === normalizePlain(found);
}

// normalizeText without dropping tags: for plain text, where `<` is a character.
function normalizePlain(text: string): string {
  return normalizeText(text.replace(/</g, "&lt;"));
}

function sameUrl(want: string | undefined, found: string | null): boolean {
  return want !== undefined && found !== null && normalizeUrl(want) === normalizeUrl(found);
}

function sameInstant(want: string | undefined, found: number | null | undefined): boolean {
  return want !== undefined && found !== null && found !== undefined && Date.parse(want) === found;
}

// Every expected author's name is in the byline (newsgate keeps one byline for all authors).
function hasAuthors(authors: readonly string[], byline: string | null): boolean {
  if (byline === null) return false;
  const found = normalizeAuthor(byline.replace(/</g, "&lt;"));
  return authors.every((name) => found.includes(normalizeAuthor(name)));
}

function isoOf(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}
