/** What an OPML outline is written from: a Source fits. */
export interface OpmlSourceInput {
  name: string;
  url: string;
  siteUrl?: string | null;
  tags?: readonly string[];
}

/**
 * Returns an OPML 2.0 subscription list: one `type="rss"` outline per source, inside a folder
 * named after its first tag (untagged sources at the top level), with every tag in `category`.
 */
export function writeOpml(
  sources: readonly OpmlSourceInput[],
  opts: { title: string; now: number },
): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    "  <head>",
    `    <title>${escapeXml(opts.title)}</title>`,
    `    <dateCreated>${new Date(opts.now).toUTCString()}</dateCreated>`,
    "  </head>",
    "  <body>",
  ];
  for (const [folder, members] of groupByFirstTag(sources)) {
    if (folder === null) {
      lines.push(...members.map((source) => `    ${feedOutline(source)}`));
      continue;
    }
    lines.push(`    <outline text="${escapeXml(folder)}" title="${escapeXml(folder)}">`);
    lines.push(...members.map((source) => `      ${feedOutline(source)}`));
    lines.push("    </outline>");
  }
  lines.push("  </body>", "</opml>", "");
  return lines.join("\n");
}

function feedOutline(source: OpmlSourceInput): string {
  const attrs: [string, string | null | undefined][] = [
    ["type", "rss"],
    ["text", source.name],
    ["title", source.name],
    ["xmlUrl", source.url],
    ["htmlUrl", source.siteUrl],
    ["category", categoryNames(source).join(",") || null],
  ];
  const written = attrs.filter(([, value]) => value).map(([k, v]) => `${k}="${escapeXml(v!)}"`);
  return `<outline ${written.join(" ")}/>`;
}

function groupByFirstTag(
  sources: readonly OpmlSourceInput[],
): Map<string | null, OpmlSourceInput[]> {
  const groups = new Map<string | null, OpmlSourceInput[]>();
  for (const source of sources) {
    const folder = categoryNames(source)[0] ?? null;
    const group = groups.get(folder) ?? [];
    group.push(source);
    groups.set(folder, group);
  }
  return groups;
}

// `,` and `/` separate categories and path steps in OPML, so a tag cannot carry them.
function categoryNames(source: OpmlSourceInput): string[] {
  const names = (source.tags ?? []).map((tag) => tag.replace(/[,/\s]+/g, " ").trim());
  return names.filter((name) => name.length > 0);
}

// Attribute values keep tabs and line breaks only as character references.
function escapeXml(text: string): string {
  return Array.from(text)
    .filter(isXmlChar)
    .join("")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

// XML 1.0 `Char`: no other control characters, no lone surrogates, no U+FFFE/U+FFFF.
function isXmlChar(char: string): boolean {
  const c = char.codePointAt(0) ?? 0;
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    c >= 0x10000
  );
}
