import { rfc3339, rfc822 } from "./dates";
import type { FeedModel, ItemModel } from "./feed-model";
import { cdata, escapeXml as x, type Slots } from "./templates";

const lines = (parts: string[]): string => parts.join("\n    ");

/** The channel-level slots shared by the XML templates. */
export function xmlFeedSlots(feed: FeedModel, buildDate: string): Slots {
  return {
    feedTitle: x(feed.title),
    siteUrl: x(feed.siteUrl),
    feedUrl: x(feed.feedUrl),
    description: x(feed.description),
    language: feed.language,
    host: feed.host,
    buildDate,
  };
}

/** The slots of one RSS 2.0 item (WordPress-shaped: dc:creator, content:encoded, media). */
export function rss2ItemSlots(item: ItemModel, i: number): Slots {
  const media = item.image
    ? `<media:content url="${x(item.image.url)}" medium="image" type="${item.image.type}" width="1200" height="675" />`
    : "";
  const enc = item.enclosure;
  return {
    title: x(item.title),
    url: x(item.url),
    author: item.author ? `<dc:creator>${cdata(item.author)}</dc:creator>` : "",
    published: rfc822(item.published, item.offset, i % 2 === 0),
    categories: lines(item.categories.map((c) => `<category>${cdata(c)}</category>`)),
    permalink: String(item.guid === item.url),
    guid: x(item.guid),
    summary: item.summary,
    content: item.content ? `<content:encoded>${cdata(item.content)}</content:encoded>` : "",
    media,
    enclosure: enc
      ? `<enclosure url="${x(enc.url)}" length="${enc.length}" type="${enc.type}" />`
      : "",
  };
}

/** The slots of one RSS 1.0 (RDF) item: Dublin Core dates, creators and subjects. */
export function rss1ItemSlots(item: ItemModel): Slots {
  return {
    title: x(item.title),
    url: x(item.url),
    summary: x(item.summary),
    content: item.content ? `<content:encoded>${cdata(item.content)}</content:encoded>` : "",
    published: rfc3339(item.published, item.offset),
    author: item.author ? `<dc:creator>${x(item.author)}</dc:creator>` : "",
    categories: lines(item.categories.map((c) => `<dc:subject>${x(c)}</dc:subject>`)),
  };
}

/** The slots of one Atom entry; every third link is relative to the feed's xml:base. */
export function atomItemSlots(item: ItemModel, i: number, xhtml: boolean): Slots {
  const url = i % 3 === 0 ? new URL(item.url).pathname.slice(1) : item.url;
  const enc = item.enclosure;
  return {
    title: x(x(item.title)),
    url: x(url),
    enclosure: enc
      ? `<link rel="enclosure" type="${enc.type}" length="${enc.length}" href="${x(enc.url)}" />`
      : "",
    guid: x(item.guid),
    published: rfc3339(item.published, item.offset),
    updated: rfc3339(item.updated ?? item.published, item.offset),
    author: item.author ? `<author><name>${x(item.author)}</name></author>` : "",
    categories: lines(item.categories.map((c) => atomCategory(c, i))),
    summary: x(item.summary),
    content: item.content ? atomContent(item.content, xhtml) : "",
    media: item.image ? `<media:thumbnail url="${x(item.image.url)}" />` : "",
  };
}

function atomCategory(name: string, i: number): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return i % 2 === 0
    ? `<category term="${x(slug)}" label="${x(name)}" />`
    : `<category term="${x(name)}" />`;
}

function atomContent(html: string, xhtml: boolean): string {
  if (!xhtml) return `<content type="html">${x(html)}</content>`;
  return `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${html}</div></content>`;
}
