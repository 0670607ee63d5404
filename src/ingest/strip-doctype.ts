/**
 * Returns the XML without its document type declaration, internal subset included, so that no
 * entity it declares can be expanded (billion laughs, external entities). An unterminated
 * declaration is cut to the end, which leaves nothing to parse.
 */
export function stripDoctype(xml: string): string {
  const start = xml.search(/<!DOCTYPE/i);
  if (start < 0) return xml;
  return xml.slice(0, start) + xml.slice(doctypeEnd(xml, start));
}

// Scans instead of a regular expression: a `>` or `]` quoted or in a comment must not end it.
function doctypeEnd(xml: string, start: number): number {
  let quote: string | null = null;
  let inSubset = false;
  for (let i = start + 2; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (xml.startsWith("<!--", i)) {
      const close = xml.indexOf("-->", i + 4);
      i = close < 0 ? xml.length : close + 2;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === "[") {
      inSubset = true;
    } else if (c === "]") {
      inSubset = false;
    } else if (c === ">" && !inSubset) {
      return i + 1;
    }
  }
  return xml.length;
}
