import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A feed template split around its one item block. */
export interface Template {
  head: string;
  item: string;
  tail: string;
}

/** Values for a template's `{{name}}` slots, already encoded for the format. */
export type Slots = Record<string, string>;

const ITEM_START = "<!--item-->\n";
const ITEM_END = "<!--/item-->\n";
const cache = new Map<string, Template>();

// bench/templates, seen from bench/ (ts-jest) or from dist/bench/ (compiled).
function templatesDir(): string {
  const candidates = [join(__dirname, "templates"), join(__dirname, "../../bench/templates")];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`bench templates not found from ${__dirname}`);
  return found;
}

/** Returns the template `bench/templates/<name>` (read once), found from src or from dist. */
export function loadTemplate(name: string): Template {
  const cached = cache.get(name);
  if (cached) return cached;
  const text = readFileSync(join(templatesDir(), name), "utf8");
  const start = text.indexOf(ITEM_START);
  const end = text.indexOf(ITEM_END);
  if (start < 0 || end < start) throw new Error(`bench template ${name}: no item block`);
  const template = {
    head: text.slice(0, start),
    item: text.slice(start + ITEM_START.length, end),
    tail: text.slice(end + ITEM_END.length),
  };
  cache.set(name, template);
  return template;
}

/** Fills every `{{name}}` slot; a line holding only an empty slot is dropped. */
export function fill(text: string, slots: Slots): string {
  return text
    .split("\n")
    .filter((line) => !/^\s*\{\{\w+\}\}\s*$/.test(line) || slotValue(line, slots) !== "")
    .map((line) => line.replace(/\{\{(\w+)\}\}/g, (_, name: string) => slotValue(name, slots)))
    .join("\n");
}

function slotValue(nameOrLine: string, slots: Slots): string {
  const name = nameOrLine.replace(/[\s{}]/g, "");
  const value = slots[name];
  if (value === undefined) throw new Error(`bench template: no value for {{${name}}}`);
  return value;
}

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Wraps text in a CDATA section, splitting any `]]>` inside it. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}
