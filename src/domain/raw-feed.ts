import type { SourceKind } from "./source";

/** An item as a parser read it, before normalization. Fields are raw text or HTML. */
export interface RawItem {
  guid: string | null;
  link: string | null;
  title: string | null;
  /** Short description or summary; may contain HTML. */
  summary: string | null;
  /** Full content; may contain HTML. */
  content: string | null;
  /**
   * The base its relative links resolve against when the document sets one (the xml:base in
   * scope at the content); absent or null: the item's link.
   */
  contentBase?: string | null;
  author: string | null;
  published: string | null;
  updated: string | null;
  /** Category texts, or a name with the slug the feed gave it (Atom `label` and `term`). */
  categories: (string | RawCategory)[];
  enclosures: { url: string; type: string | null; length: number | null }[];
  imageUrl: string | null;
  language: string | null;
}

/** A category whose feed names it for readers (`name`) and for machines (`term`, the slug's source). */
export interface RawCategory {
  name: string;
  term: string;
}

/** A feed (or page) as a parser read it: its metadata and raw items. */
export interface RawFeed {
  kind: SourceKind;
  title: string | null;
  siteUrl: string | null;
  feedUrl: string | null;
  description: string | null;
  language: string | null;
  imageUrl: string | null;
  /** How long the feed may be cached, in minutes (RSS `ttl`, or `sy:updatePeriod`/`sy:updateFrequency`); null when unsaid. */
  ttl: number | null;
  items: RawItem[];
}
