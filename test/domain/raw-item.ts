import type { RawItem } from "../../src/domain/raw-feed";

/** Returns a RawItem with every field empty, overridden by `fields`. */
export function rawItem(fields: Partial<RawItem> = {}): RawItem {
  return {
    guid: null,
    link: null,
    title: null,
    summary: null,
    content: null,
    author: null,
    published: null,
    updated: null,
    categories: [],
    enclosures: [],
    imageUrl: null,
    language: null,
    ...fields,
  };
}
