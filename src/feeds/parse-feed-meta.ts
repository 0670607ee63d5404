import type { RawFeed } from "../domain/raw-feed";
import { atomAuthors } from "./parse-atom-item";
import { readTextConstruct } from "./parse-atom-content";
import { childMarkup } from "./parse-inline-xml";
import { parseTtl } from "./parse-ttl";
import {
  childNode,
  childNodes,
  childText,
  findLink,
  nodeAttr,
  resolveAgainst,
  type XmlNode,
} from "./parse-xml-nodes";

/** A feed's metadata as read, without its items. */
export type RawFeedMeta = Omit<RawFeed, "items">;

/**
 * Returns an RSS channel's metadata; links resolve against `base` if set. `root` is the document
 * element: RSS 0.90 and 1.0 put the `<image>` beside the channel rather than in it.
 */
export function parseRssFeedMeta(
  root: XmlNode,
  channel: XmlNode,
  base: string | null,
): RawFeedMeta {
  const image =
    childText(childNode(channel, "image"), "url") ?? childText(childNode(root, "image"), "url");
  return {
    kind: "rss",
    title: childMarkup(channel, "title", "dc:title"),
    // Without a <link>, an embedded atom:link rel=alternate names the site.
    siteUrl: resolveAgainst(
      childText(channel, "link") ?? findLink(childNodes(channel, "atom:link"), "alternate"),
      base,
    ),
    feedUrl: resolveAgainst(findLink(childNodes(channel, "atom:link"), "self"), base),
    description: childMarkup(channel, "description", "itunes:summary", "dc:description"),
    language: childText(channel, "language", "dc:language"),
    imageUrl: resolveAgainst(image ?? nodeAttr(childNode(channel, "itunes:image"), "href"), base),
    ttl: parseTtl(channel),
  };
}

/**
 * Returns an Atom (1.0 or 0.3) feed's metadata and its authors (which entries inherit). 0.3 calls
 * the subtitle `tagline`.
 */
export function parseAtomFeedMeta(
  feed: XmlNode,
  base: string | null,
): { feed: RawFeedMeta; author: string | null } {
  const links = childNodes(feed, "link");
  return {
    feed: {
      kind: "atom",
      title: readTextConstruct(childNode(feed, "title")),
      siteUrl: resolveAgainst(findLink(links, "alternate"), base),
      feedUrl: resolveAgainst(findLink(links, "self"), base),
      description: readTextConstruct(childNode(feed, "subtitle") ?? childNode(feed, "tagline")),
      language: nodeAttr(feed, "xml:lang"),
      imageUrl: resolveAgainst(childText(feed, "logo", "icon"), base),
      ttl: null,
    },
    author: atomAuthors(feed),
  };
}
