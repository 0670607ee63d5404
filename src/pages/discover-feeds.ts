import { decodeHTML } from "entities";
import { parseHttpUrl } from "../domain/resolve-url";

/** A feed a page links to. */
export interface DiscoveredFeed {
  /** Absolute http(s) URL. */
  url: string;
  /** The declared media type, lower case (`application/rss+xml`). */
  type: string;
  title: string | null;
}

const FEED_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/feed+json",
  "application/json",
]);
// Every pattern stops at the next `<` or runs to the end once, so hostile pages cost linear time.
// (A quoted value may hold `>` but not `<`, so an unclosed quote is given up at the next tag.)
const HIDDEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|template|textarea)\b[^<]*(?:<(?!\/\1\b)[^<]*)*(?:<\/\1\b[^<>]*>?|$)/gi;
const ATTRIBUTES = `(?:[^<>"']|"[^"<]*"|'[^'<]*')*`;
const LINK_OR_BASE = new RegExp(`<(link|base)\\b(${ATTRIBUTES})>`, "gi");
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+)))?/g;
// Where sites commonly serve their feeds: WordPress, Hugo, Jekyll, Ghost, Blogger, and others.
const COMMON_PATHS = [
  ...["feed", "rss", "rss.xml", "feed.xml", "atom.xml", "index.xml", "feed.json"],
  ...["index.rss", "atom", "feed/atom", "feeds/posts/default", "?feed=rss2"],
];

/**
 * Returns the feeds a page declares with `<link rel="alternate">` of an RSS, Atom or JSON Feed
 * type: URLs made absolute (against `<base href>` if any, else `pageUrl`) and http(s) only,
 * deduplicated, in document order. Links inside comments and scripts are not read.
 */
export function discoverFeedLinks(html: string, pageUrl: string): DiscoveredFeed[] {
  const visible = html.replace(HIDDEN, " ");
  let base = pageUrl;
  const found = new Map<string, DiscoveredFeed>();
  for (const [, tag, attributeText] of visible.matchAll(LINK_OR_BASE)) {
    const attrs = readAttributes(attributeText);
    if (tag.toLowerCase() === "base") {
      if (base === pageUrl && attrs.href) base = parseHttpUrl(attrs.href, pageUrl)?.href ?? base;
      continue;
    }
    const feed = feedOf(attrs, base);
    if (feed && !found.has(feed.url)) found.set(feed.url, feed);
  }
  return [...found.values()];
}

/**
 * Returns the URLs where feeds are commonly found for a page's site, to try when the page
 * declares none: under the page's own directory first (a blog at `/blog/`), then at the root.
 */
export function commonFeedPaths(pageUrl: string): string[] {
  const page = parseHttpUrl(pageUrl);
  if (!page) return [];
  const directory = page.pathname.replace(/[^/]*$/, "");
  const bases = directory === "/" ? ["/"] : [directory, "/"];
  const urls = bases.flatMap((dir) =>
    COMMON_PATHS.map((path) => new URL(path, page.origin + dir).href),
  );
  return [...new Set(urls)];
}

function feedOf(attrs: Record<string, string>, base: string): DiscoveredFeed | null {
  const rels = (attrs.rel ?? "").toLowerCase().split(/\s+/);
  const type = (attrs.type ?? "").toLowerCase().split(";")[0].trim();
  if (!rels.includes("alternate") || !FEED_TYPES.has(type) || !attrs.href) return null;
  const url = parseHttpUrl(attrs.href, base)?.href;
  const title = attrs.title?.replace(/\s+/g, " ").trim() || null;
  return url ? { url, type, title } : null;
}

function readAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [, name, double, single, bare] of text.matchAll(ATTRIBUTE)) {
    const key = name.toLowerCase();
    if (!Object.hasOwn(attrs, key)) attrs[key] = decodeHTML(double ?? single ?? bare ?? "");
  }
  return attrs;
}
