import { isHandleOrLink, isUserName, joinNames, nameInByline, unsortName } from "./byline-name";
import { hasType, type JsonLdNode, ldText, readJsonLd } from "./read-json-ld";
import { metaContent, metaContents, textOf } from "./read-html";
import { readShownByline } from "./shown-byline";

// Meta names that name a person; `author` comes last as it often holds the publisher's name.
const BYLINE_METAS = [
  "byl",
  "byline",
  "dc.creator",
  "dc:creator",
  "dc.author",
  "dcterm:creator",
  "parsely-author",
  "sailthru.author",
  "cXenseParse:author",
];
const WEAK_METAS = ["article:author", "author"];
// A company's legal name: the publisher, not the story's writer.
const COMPANY = /(?:\b(?:inc|ltd|llc|gmbh|corp|co)\.?$|株式会社|有限会社)/i;

/**
 * Returns the story's byline: JSON-LD people (several joined "A, B and C"), then a paper's
 * `citation_author` list, then byline meta tags, then the byline the page shows (see readShownByline), then `author`/`article:author`
 * meta that is not the site's own name, a company or a link, then the name on the page's link
 * to an `article:author` page, then a `twitter:creator` that is a name; null when none. Links, paths and user names are never a byline.
 */
export function readByline(
  document: Document,
  story: JsonLdNode,
  siteName: string | null,
): string | null {
  const people = ldPeople(document, story.author);
  if (people.length > 0) return joinNames(people);
  return (
    scholarlyAuthors(document) ??
    metaByline(document, BYLINE_METAS, () => true) ??
    readShownByline(document) ??
    metaByline(document, WEAK_METAS, (name) => !sameName(name, siteName) && !COMPANY.test(name)) ??
    linkedAuthor(document) ??
    metaByline(document, ["twitter:creator"], () => true) ??
    ldPeople(document, story.author, true)[0] ??
    null
  );
}

// The first of these metas that holds a name (a sort-order name turned round), not a link or a
// user name.
function metaByline(
  document: Document,
  keys: string[],
  accept: (name: string) => boolean,
): string | null {
  for (const key of keys) {
    const value = metaContent(document, key);
    if (!value || isHandleOrLink(value) || isUserName(value)) continue;
    const name = unsortName(nameInByline(value) ?? value.replace(/^by\s+/i, ""));
    if (accept(name)) return name;
  }
  return null;
}

// An `article:author` that is the author's page: the page's own link there shows the name (a
// link showing its site's own name, "Facebook", is a follow button).
function linkedAuthor(document: Document): string | null {
  const url = metaContent(document, "article:author");
  const slug = url && isHandleOrLink(url) ? lastSegment(url) : null;
  if (!slug) return null;
  for (const link of document.querySelectorAll("a[href]")) {
    const href = link.getAttribute("href") ?? "";
    const name = lastSegment(href) === slug ? nameInByline(textOf(link)) : null;
    if (name && !href.toLowerCase().includes(name.toLowerCase().replace(/\s+/g, ""))) return name;
  }
  return null;
}

// A URL's last path segment in lower case ("/about/editors/ann-lee/" gives "ann-lee").
function lastSegment(url: string): string | null {
  const segment = /\/([^/?#]*[a-z][^/?#]*)\/?(?:[?#].*)?$/i.exec(url)?.[1];
  return segment && segment.length >= 3 ? segment.toLowerCase() : null;
}

// A paper's authors, one `citation_author` meta each (Highwire/Google Scholar tags), often
// written surname first.
function scholarlyAuthors(document: Document): string | null {
  const names = metaContents(document, "citation_author").map(unsortName);
  return names.length > 0 ? joinNames([...new Set(names)]) : null;
}

// JSON-LD authors: people by name (an organization only when asked: it is often the publisher).
// An author given as an `@id` reference is the node of the page's graph with that id.
function ldPeople(document: Document, value: unknown, organizations = false): string[] {
  const entries = (Array.isArray(value) ? value : [value]).map((entry) =>
    resolveReference(document, entry),
  );
  return entries
    .filter((entry) => organizations || !isOrganization(entry))
    .map((entry) => ldText(entry))
    .filter((name): name is string => name !== null && !isHandleOrLink(name));
}

function resolveReference(document: Document, entry: unknown): unknown {
  if (typeof entry !== "object" || entry === null) return entry;
  const node = entry as JsonLdNode;
  if (node.name !== undefined || typeof node["@id"] !== "string") return entry;
  return (
    readJsonLd(document).find((n) => n["@id"] === node["@id"] && n.name !== undefined) ?? entry
  );
}

function isOrganization(entry: unknown): boolean {
  return (
    typeof entry === "object" &&
    entry !== null &&
    hasType(entry as JsonLdNode, "Organization", "NewsMediaOrganization")
  );
}

function sameName(value: string, siteName: string | null): boolean {
  return siteName !== null && value.trim().toLowerCase() === siteName.trim().toLowerCase();
}
