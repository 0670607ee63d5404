import { SaxesParser, type SaxesTagPlain } from "saxes";

/**
 * An element as the feed parsers read it: attributes under `$`, text under `_` (dropped when it is
 * only whitespace), and each child element under its name, in a list. An element with neither
 * attributes nor child elements is its text instead (a string). In ordered mode every element
 * also keeps `#name` and its children in document order under `$$`, text as `__text__` nodes.
 * Objects have no prototype, so an element named `__proto__` or `constructor` is just a name.
 */
export type XmlElement = Record<string, unknown>;

/** How to read an XML document into elements. */
export interface XmlTreeOptions {
  /** Keep `#name` and the ordered `$$` children (what inline XHTML needs). */
  ordered?: boolean;
  /** Keep them only in elements of these names and everything inside them. */
  orderedWithin?: ReadonlySet<string>;
  /** Renames every element (e.g. drops a namespace prefix); attributes keep their names. */
  renameElement?: (name: string) => string;
}

/** A document read into elements: its root element's name and the root (an object, never text). */
export interface XmlTree {
  name: string;
  root: XmlElement;
}

/** Thrown for XML that cannot be read; the message says why, and where, on one line. */
export class XmlSyntaxError extends Error {
  override readonly name = "XmlSyntaxError";
}

const TEXT_NAME = "__text__";
// Mistakes that leave the structure intact; a reader of feeds forgives them as browsers do.
const FORGIVEN = [
  /^disallowed character$/,
  /^duplicate attribute: /,
  /^the string "\]\]>" is disallowed in char data$/,
  // The XML declaration says nothing the decoder has not already used.
  /XML declaration|^version number must match|^expected (?:one of|the name) /,
];

/** Incremental reading: write chunks, then close to get the tree (or the first fatal error). */
export interface XmlTreeReader {
  write(chunk: string): void;
  close(): XmlTree;
}

/** Returns a reader that builds the tree as chunks arrive; strict XML with a few forgiven slips. */
export function createXmlTreeReader(opts: XmlTreeOptions = {}): XmlTreeReader {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const builder = createBuilder(opts);
  let failure: XmlSyntaxError | null = null;
  parser.on("error", (error) => {
    const { reason, where } = splitSaxesMessage(error.message);
    if (failure === null && !FORGIVEN.some((pattern) => pattern.test(reason))) {
      failure = new XmlSyntaxError(where ? `${reason} (${where})` : reason);
    }
  });
  parser.on("opentag", (tag) => builder.open(tag));
  parser.on("closetag", () => builder.close());
  parser.on("text", (text) => builder.text(text, false));
  parser.on("cdata", (text) => builder.text(text, true));
  const check = () => {
    if (failure !== null) throw failure;
  };
  return {
    write(chunk) {
      parser.write(chunk);
      check();
    },
    close() {
      parser.close();
      check();
      return builder.result();
    },
  };
}

/** Reads a whole document at once (see createXmlTreeReader). */
export function readXmlTree(xml: string, opts: XmlTreeOptions = {}): XmlTree {
  const reader = createXmlTreeReader(opts);
  reader.write(xml);
  return reader.close();
}

// saxes reports `LINE:COLUMN: reason.`; the reason reads better first.
function splitSaxesMessage(message: string): { reason: string; where: string | null } {
  const match = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
  if (match === null) return { reason: message.replace(/\.$/, ""), where: null };
  return { reason: match[3].replace(/\.$/, ""), where: `line ${match[1]}, column ${match[2]}` };
}

interface OpenElement {
  node: XmlElement;
  name: string;
  /** Whether `#name` and `$$` are kept for this element. */
  ordered: boolean;
  text: string;
  cdata: boolean;
  hasAttributes: boolean;
  hasChildren: boolean;
}

function createBuilder(opts: XmlTreeOptions) {
  const stack: OpenElement[] = [];
  let tree: XmlTree | null = null;
  const rename = opts.renameElement ?? ((name: string) => name);
  return {
    open(tag: SaxesTagPlain) {
      const name = rename(tag.name);
      const node: XmlElement = Object.create(null) as XmlElement;
      const attributes = copyAttributes(tag.attributes);
      if (attributes !== null) node.$ = attributes;
      const ordered =
        opts.ordered === true ||
        stack[stack.length - 1]?.ordered === true ||
        opts.orderedWithin?.has(name) === true;
      if (ordered) node["#name"] = name;
      stack.push({
        node,
        name,
        ordered,
        text: "",
        cdata: false,
        hasAttributes: attributes !== null,
        hasChildren: false,
      });
    },
    text(text: string, cdata: boolean) {
      const top = stack[stack.length - 1];
      if (top === undefined) return;
      top.text += text;
      top.cdata ||= cdata;
      if (top.ordered) orderedChildren(top.node).push(textNode(text));
    },
    close() {
      const element = stack.pop();
      if (element === undefined) return;
      const value = finish(element);
      const parent = stack[stack.length - 1];
      if (parent === undefined) {
        tree = { name: element.name, root: element.node };
        return;
      }
      parent.hasChildren = true;
      const list = parent.node[element.name];
      if (Array.isArray(list)) list.push(value);
      else parent.node[element.name] = [value];
      if (parent.ordered) orderedChildren(parent.node).push(element.node);
    },
    result(): XmlTree {
      if (tree === null) throw new XmlSyntaxError("document must contain a root element");
      return tree;
    },
  };
}

// Whitespace-only text is formatting, unless it came from a CDATA section.
function finish(element: OpenElement): unknown {
  const { node, text } = element;
  if (element.cdata || text.trim() !== "") node._ = text;
  if (!element.hasAttributes && !element.hasChildren) return text;
  return node;
}

function copyAttributes(attributes: Record<string, string>): Record<string, string> | null {
  let copy: Record<string, string> | null = null;
  for (const name in attributes) {
    copy ??= Object.create(null) as Record<string, string>;
    copy[name] = attributes[name];
  }
  return copy;
}

function orderedChildren(node: XmlElement): XmlElement[] {
  const existing = node.$$;
  if (Array.isArray(existing)) return existing as XmlElement[];
  const created: XmlElement[] = [];
  node.$$ = created;
  return created;
}

function textNode(text: string): XmlElement {
  const node = Object.create(null) as XmlElement;
  node["#name"] = TEXT_NAME;
  node._ = text;
  return node;
}
