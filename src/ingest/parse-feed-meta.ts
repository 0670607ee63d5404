import type { RawFeed } from "../domain/raw-feed";
import {
  findLink,
  isNode,
  nodeAttr,
  nodeList,
  nodeText,
  resolveAgainst,
  type XmlNode,
} from "./parse-xml-nodes";

/** A feed's metadata as read, without its items. */
export type RawFeedMeta = Omit<RawFeed, "items">;

/** Returns an RSS channel's metadata from rss-parser's output; links resolve against `base` if set. */
export function parseRssFeedMeta(channel: XmlNode, base: string | null): RawFeedMeta {
  const image = isNode(channel.image) ? nodeText(channel.image.url) : null;
  return {
    kind: "rss",
    title: nodeText(channel.title),
    siteUrl: resolveAgainst(nodeText(channel.link), base),
    feedUrl: resolveAgainst(findLink(channel.atomLinks, "self"), base),
    description: nodeText(channel.description),
    language: nodeText(channel.language) ?? nodeText(channel.dcLanguage),
    imageUrl: resolveAgainst(image ?? nodeAttr(channel.itunesImage, "href"), base),
  };
}

/** Returns an Atom feed's metadata and its author (which entries inherit) from rss-parser's output. */
export function parseAtomFeedMeta(
  feed: XmlNode,
  base: string | null,
): { feed: RawFeedMeta; author: string | null } {
  const author = nodeList(feed.authorNodes)[0];
  return {
    feed: {
      kind: "atom",
      title: nodeText(feed.title),
      siteUrl: resolveAgainst(findLink(feed.linkNodes, "alternate"), base),
      feedUrl: resolveAgainst(findLink(feed.linkNodes, "self"), base),
      description: nodeText(feed.subtitle),
      language: nodeAttr(feed, "xml:lang"),
      imageUrl: resolveAgainst(nodeText(feed.logo) ?? nodeText(feed.icon), base),
    },
    author: isNode(author) ? nodeText(nodeList(author.name)[0]) : null,
  };
}
