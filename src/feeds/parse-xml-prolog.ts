/** Where an XML document's prolog ends. */
export interface XmlProlog {
  /** Offset of the root element's `<`; -1 when there is none or the prolog never ends. */
  rootStart: number;
  /** The span of the DOCTYPE declaration, internal subset included; null when there is none. */
  doctype: { start: number; end: number } | null;
}

/**
 * Returns where the prolog (BOM, whitespace, XML declaration, comments, processing instructions,
 * DOCTYPE) ends. A scanner rather than a regular expression: one pass, so hostile prologs (an
 * unterminated internal subset, thousands of brackets) cost linear time.
 */
export function scanXmlProlog(text: string): XmlProlog {
  let doctype: XmlProlog["doctype"] = null;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i >= 0 && i < text.length) {
    if (/\s/.test(text[i])) i++;
    else if (text[i] !== "<") break;
    else if (text.startsWith("<?", i)) i = endOf(text, "?>", i + 2);
    else if (text.startsWith("<!--", i)) i = endOf(text, "-->", i + 4);
    else if (text.slice(i, i + 9).toUpperCase() === "<!DOCTYPE") {
      const end = doctypeEnd(text, i + 9);
      doctype = end < 0 ? null : { start: i, end };
      i = end;
    } else return { rootStart: i, doctype };
  }
  return { rootStart: -1, doctype };
}

/** Returns the name of the document's root element as written (`rss`, `rdf:RDF`), or null. */
export function rootElementName(text: string): string | null {
  const { rootStart } = scanXmlProlog(text);
  if (rootStart < 0) return null;
  return /^<([A-Za-z_][\w.:-]{0,99})/.exec(text.slice(rootStart, rootStart + 101))?.[1] ?? null;
}

/**
 * Returns the XML without the DOCTYPE declaration of its prolog, so that no entity it declares
 * (billion laughs, external entities) can be expanded or fetched: references to them are then
 * unknown entities, which the entity repair turns into literal text. A DOCTYPE elsewhere (inside
 * CDATA, say) is content and stays.
 */
export function removeDoctype(xml: string): string {
  const { doctype } = scanXmlProlog(xml);
  return doctype ? xml.slice(0, doctype.start) + xml.slice(doctype.end) : xml;
}

function endOf(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  return at < 0 ? -1 : at + close.length;
}

// The offset just past the declaration's `>`, or -1 when it never ends. Brackets, quotes and
// comments inside the internal subset do not end it.
function doctypeEnd(text: string, from: number): number {
  let inSubset = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = text.indexOf(c, i + 1);
    else if (text.startsWith("<!--", i)) i = endOf(text, "-->", i + 4) - 1;
    else if (c === "[") inSubset = true;
    else if (c === "]") inSubset = false;
    else if (c === ">" && !inSubset) return i + 1;
    if (i < 0) return -1;
  }
  return -1;
}
