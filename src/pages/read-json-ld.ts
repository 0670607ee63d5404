/** A JSON-LD node: an object with `@type` and properties, as a page embeds it. */
export type JsonLdNode = Record<string, unknown>;

// A page's structured data is small; anything larger is not worth reading.
const MAX_SCRIPT_CHARS = 512 * 1024;
const MAX_NODES = 2000;

/**
 * Returns every JSON-LD node of the page's `application/ld+json` scripts, flattened: arrays,
 * `@graph` members and nested objects each appear once. A script that is not valid JSON is
 * skipped: pages often ship broken structured data, and the rest of the page is still readable.
 */
export function readJsonLd(document: Document): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? "";
    if (text.length > MAX_SCRIPT_CHARS) continue;
    try {
      collect(JSON.parse(withoutCdata(text)), nodes, 0);
    } catch {
      continue;
    }
  }
  return nodes;
}

// Some pages wrap the JSON in a CDATA section, as XHTML once asked (`<![CDATA[ {...} ]]>`, or
// behind `//` comments).
function withoutCdata(text: string): string {
  return text.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, "").replace(/(?:\/\/\s*)?\]\]>\s*$/, "");
}

function collect(value: unknown, nodes: JsonLdNode[], depth: number): void {
  if (depth > 16 || nodes.length >= MAX_NODES) return;
  if (Array.isArray(value)) {
    for (const entry of value) collect(entry, nodes, depth + 1);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const node = value as JsonLdNode;
  if (node["@type"] !== undefined) nodes.push(node);
  for (const [key, child] of Object.entries(node)) {
    if (key === "@context") continue;
    if (typeof child === "object" && child !== null) collect(child, nodes, depth + 1);
  }
}

/** Returns true when the node's `@type` (a name or a list) includes one of `types`. */
export function hasType(node: JsonLdNode, ...types: string[]): boolean {
  const declared = node["@type"];
  const names = Array.isArray(declared) ? declared : [declared];
  return names.some(
    (name) => typeof name === "string" && types.includes(name.replace(/^.*[/#]/, "")),
  );
}

/** Returns a property as text: a string, a number, or an object's `name`/`@id`/`url`; else null. */
export function ldText(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return ldText(value[0]);
  if (typeof value === "object" && value !== null) {
    const node = value as JsonLdNode;
    return ldText(node.name) ?? ldText(node.url) ?? ldText(node["@id"]);
  }
  return null;
}

/** Returns a property as a list of texts (a list, or one comma-separated string). */
export function ldTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(ldText).filter((t): t is string => t !== null);
  const text = ldText(value);
  return text === null
    ? []
    : text
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean);
}

/** Types that name one news story. */
export const ARTICLE_TYPES = [
  "NewsArticle",
  "Article",
  "BlogPosting",
  "ReportageNewsArticle",
  "AnalysisNewsArticle",
  "OpinionNewsArticle",
  "LiveBlogPosting",
  "Report",
];
