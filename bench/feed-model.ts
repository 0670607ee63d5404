import { contentHtml } from "./content-html";
import type { Rng } from "./prng";
import { categories, headline, personName, textBetween, word } from "./words";

/** The formats the corpus is written in. */
export type FeedFormat = "rss2" | "rss1" | "atom" | "json";

/** One generated item, before it is written in a feed format. */
export interface ItemModel {
  guid: string;
  url: string;
  title: string;
  summary: string;
  /** Null for items that carry only a summary. */
  content: string | null;
  author: string | null;
  published: number;
  updated: number | null;
  /** Minutes east of UTC the item's dates are written in. */
  offset: number;
  categories: string[];
  image: { url: string; type: string } | null;
  enclosure: { url: string; type: string; length: number } | null;
}

/** One generated feed, before it is written in a feed format. */
export interface FeedModel {
  /** `news-0042.example.com`: unique per feed, present in every URL and guid of the feed. */
  host: string;
  format: FeedFormat;
  title: string;
  siteUrl: string;
  feedUrl: string;
  description: string;
  language: string;
  /** Atom only: whether content is inline XHTML rather than escaped HTML. */
  xhtml: boolean;
  items: ItemModel[];
}

const FORMATS: FeedFormat[] = ["rss2", "rss2", "rss1", "atom", "atom", "json"];
const LANGUAGES = ["en", "en-US", "en-GB", "de-DE", "fr", "es", "pt-BR", "ja"];
const OFFSETS = [0, 0, 60, 120, -300, -240, -420, 330, 480, 540, -180, 600, 345];
// Items are dated in the two months before this instant (2026-01-15T00:00:00Z).
const LATEST = Date.UTC(2026, 0, 15);
const DAY = 86_400_000;

/** Returns the model of feed number `index`, drawn from `rng`. */
export function feedModel(rng: Rng, index: number): FeedModel {
  const host = `news-${String(index).padStart(4, "0")}.example.com`;
  const format = FORMATS[index % FORMATS.length];
  const siteUrl = `https://${host}/`;
  const offset = rng.pick(OFFSETS);
  const count = rng.int(10, 60);
  const xhtml = format === "atom" && rng.chance(0.4);
  return {
    host,
    format,
    title: `${word(rng)} ${word(rng)} daily`.replace(/^./, (c) => c.toUpperCase()),
    siteUrl,
    feedUrl: `${siteUrl}feed/${format}`,
    description: textBetween(rng, 40, 160),
    language: rng.pick(LANGUAGES),
    xhtml,
    items: Array.from({ length: count }, (_, i) => itemModel(rng, { host, i, offset, xhtml })),
  };
}

interface ItemContext {
  host: string;
  i: number;
  /** The feed's zone, used by most of its items. */
  offset: number;
  xhtml: boolean;
}

function itemModel(rng: Rng, { host, i, offset, xhtml }: ItemContext): ItemModel {
  const published = LATEST - rng.int(0, 60 * DAY);
  const url = `https://${host}/2026/${word(rng).replace(/\W/g, "x")}-${i}`;
  return {
    guid: rng.chance(0.5) ? url : `tag:${host},2026:item-${i}`,
    url: rng.chance(0.2) ? `${url}?utm_source=rss&utm_medium=feed` : url,
    title: headline(rng),
    summary: textBetween(rng, 100, 400),
    content: rng.chance(0.85) ? body(rng, url, xhtml) : null,
    author: rng.chance(0.8) ? personName(rng) : null,
    published,
    updated: rng.chance(0.3) ? published + rng.int(1, 48) * 3_600_000 : null,
    offset: rng.chance(0.8) ? offset : rng.pick(OFFSETS),
    categories: categories(rng, 4),
    image: rng.chance(0.5) ? { url: `https://cdn.${host}/i/${i}.jpg`, type: "image/jpeg" } : null,
    enclosure: rng.chance(0.15)
      ? { url: `https://cdn.${host}/a/${i}.mp3`, type: "audio/mpeg", length: rng.int(1e6, 9e7) }
      : null,
  };
}

// 1 to 8 KB, most near the small end as in real feeds; about one body in four is hostile.
function body(rng: Rng, url: string, xml: boolean): string {
  const targetLength = Math.round(1024 + 7 * 1024 * rng.next() ** 2);
  return contentHtml(rng, { url, targetLength, xml, hostile: rng.chance(0.25) });
}
