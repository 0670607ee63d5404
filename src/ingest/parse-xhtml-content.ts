import type { EntryXhtml } from "./parse-atom-item";

const ENTRY = /<(?:atom:)?entry(?=[\s>/])[\s\S]*?<\/(?:atom:)?entry\s*>/g;
const WRAPPER_DIV = /^\s*<((?:[\w.-]+:)?div)\b[^>]*>([\s\S]*)<\/\1\s*>\s*$/;

/**
 * Returns, per Atom entry in document order, the raw inner markup of its `type="xhtml"` title,
 * summary and content, without the wrapping `<div>`. xml2js splits mixed content into text and
 * children and loses their order, so the markup is read from the document text instead.
 */
export function parseEntryXhtml(xml: string): EntryXhtml[] {
  return [...xml.matchAll(ENTRY)].map(([entry]) => ({
    title: xhtmlOf(entry, "title"),
    summary: xhtmlOf(entry, "summary"),
    content: xhtmlOf(entry, "content"),
  }));
}

function xhtmlOf(entry: string, element: string): string | null {
  const pattern = new RegExp(`<((?:atom:)?${element})(\\s[^>]*)?>([\\s\\S]*?)</\\1\\s*>`);
  const match = pattern.exec(entry);
  if (!match || !/\btype\s*=\s*["']xhtml["']/.test(match[2] ?? "")) return null;
  const wrapper = WRAPPER_DIV.exec(match[3]);
  if (!wrapper) return match[3].trim();
  const prefix = /^([\w.-]+):/.exec(wrapper[1])?.[1];
  const inner = prefix ? wrapper[2].replace(new RegExp(`<(/?)${prefix}:`, "g"), "<$1") : wrapper[2];
  return inner.trim();
}
