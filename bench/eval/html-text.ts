import { parseHTML } from "linkedom";

const BLOCK =
  /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TD|TH|TR|UL)$/;
const SKIPPED = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|svg|SVG)$/;

/**
 * Returns the visible text of an HTML document or fragment, whitespace collapsed, with a space
 * at every block boundary (so `<p>end</p><p>Next` reads "end Next", not "endNext"); scripts and
 * styles are left out. All texts under comparison go through this one function.
 */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  collectText(document.body as unknown as Node, parts);
  return parts.join("").replace(/\s+/g, " ").trim();
}

function collectText(node: Node, parts: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) parts.push(child.nodeValue ?? "");
    else if (child.nodeType === 1) {
      const name = (child as Element).tagName;
      if (SKIPPED.test(name)) continue;
      const block = BLOCK.test(name.toUpperCase());
      if (block) parts.push(" ");
      collectText(child, parts);
      if (block) parts.push(" ");
    }
  }
}
