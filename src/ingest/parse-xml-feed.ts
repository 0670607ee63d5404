import Parser from "rss-parser";
import type { RawFeed } from "../domain/raw-feed";
import { FeedParseError } from "./feed-parse-error";
import { parseAtomEntry, type EntryXhtml } from "./parse-atom-item";
import { parseAtomFeedMeta, parseRssFeedMeta } from "./parse-feed-meta";
import { parseRssItem } from "./parse-rss-item";
import { parseEntryXhtml } from "./parse-xhtml-content";
import { repairXmlEntities } from "./parse-xml-repair";
import { nodeAttr, nodeList, type XmlNode } from "./parse-xml-nodes";

type FieldSpec = string | [string, string] | [string, string, { keepArray: boolean }];
const KEEP = { keepArray: true };

// Raw nodes rss-parser does not expose by default, under names that do not clash with its own.
const ITEM_FIELDS: FieldSpec[] = [
  ["$", "$", KEEP],
  ["title", "titleNodes", KEEP],
  ["summary", "summaryNodes", KEEP],
  ["content", "contentNodes", KEEP],
  ["link", "linkNodes", KEEP],
  ["published", "published"],
  ["updated", "updated"],
  ["dcterms:modified", "modified"],
  ["category", "categoryNodes", KEEP],
  ["dc:subject", "subjects", KEEP],
  ["media:keywords", "mediaKeywords"],
  ["media:content", "mediaContents", KEEP],
  ["media:thumbnail", "mediaThumbnails", KEEP],
  ["media:group", "mediaGroups", KEEP],
  ["itunes:image", "itunesImage"],
  ["enclosure", "enclosureNodes", KEEP],
];
const FEED_FIELDS: FieldSpec[] = [
  ["$", "$", KEEP],
  ["link", "linkNodes", KEEP],
  ["atom:link", "atomLinks", KEEP],
  ["author", "authorNodes", KEEP],
  ["itunes:image", "itunesImage"],
  ["dc:language", "dcLanguage"],
  ...["subtitle", "logo", "icon"],
];

/** Returns the RawFeed of an RSS (0.9x, 1.0, 2.0) or Atom document; throws FeedParseError when it is not one. */
export async function parseXmlFeed(
  text: string,
  kind: "rss" | "atom",
  url: string | null,
): Promise<RawFeed> {
  const xml = repairXmlEntities(text);
  const doc = await readXml(xml, kind);
  const feedBase = absoluteBase(nodeAttr(doc, "xml:base"), url);
  const items = nodeList(doc.items) as XmlNode[];
  if (kind === "rss") {
    const rssItems = items.map((item) => parseRssItem(item, itemBase(item, feedBase, url)));
    return { ...parseRssFeedMeta(doc, feedBase), items: rssItems };
  }
  const meta = parseAtomFeedMeta(doc, feedBase);
  const xhtml = entryXhtml(xml, items.length);
  const entries = items.map((entry, i) => {
    const base = itemBase(entry, feedBase, url);
    return parseAtomEntry(entry, { base, feedAuthor: meta.author, xhtml: xhtml[i] });
  });
  return { ...meta.feed, items: entries };
}

async function readXml(xml: string, kind: "rss" | "atom"): Promise<XmlNode> {
  const parser = new Parser<XmlNode, XmlNode>({
    defaultRSS: 2,
    // rss-parser turns Atom dates into ISO strings with `new Date(...)` and fails on a bad one;
    // handing it an object instead keeps the raw text for our own date parser.
    xml2js: {
      validator: (xpath: string, _current: unknown, value: unknown) => wrapAtomDate(xpath, value),
    },
    customFields: { feed: FEED_FIELDS as (keyof XmlNode)[], item: ITEM_FIELDS },
  });
  try {
    return (await parser.parseString(xml)) as XmlNode;
  } catch (error) {
    throw new FeedParseError(xmlErrorMessage(error, kind));
  }
}

function wrapAtomDate(xpath: string, value: unknown): unknown {
  return /\/entry\/(?:published|updated)$/.test(xpath) && typeof value === "string"
    ? { _: value }
    : value;
}

function xmlErrorMessage(error: unknown, kind: "rss" | "atom"): string {
  const message = error instanceof Error ? error.message : String(error);
  // sax syntax errors say where they are (`...\nLine: 7`); anything else is rss-parser
  // tripping over an element the document lacks (an <rss> without a <channel>).
  if (!/\nLine: \d+/.test(message)) {
    return `not a feed: an ${kind} document without the elements of a feed`;
  }
  return `malformed XML: ${message.split("\n")[0]}`;
}

// The item's xml:base resolved against the feed's (or the document URL), or the feed's base.
function itemBase(item: XmlNode, feedBase: string | null, url: string | null): string | null {
  return absoluteBase(nodeAttr(item, "xml:base"), feedBase ?? url) ?? feedBase;
}

// An xml:base made absolute against its parent's base; null when absent or still relative.
function absoluteBase(xmlBase: string | null, parent: string | null): string | null {
  if (xmlBase === null) return null;
  try {
    return new URL(xmlBase, parent ?? undefined).href;
  } catch {
    return null;
  }
}

// Index-aligned with the entries; dropped when the document text and the parse disagree.
function entryXhtml(xml: string, count: number): EntryXhtml[] {
  const none: EntryXhtml = { title: null, summary: null, content: null };
  const found = /type\s*=\s*["']xhtml["']/.test(xml) ? parseEntryXhtml(xml) : [];
  return found.length === count ? found : Array.from({ length: count }, () => none);
}
