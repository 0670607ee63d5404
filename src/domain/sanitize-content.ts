import sanitizeHtml from "sanitize-html";
import { withoutTrackingParams } from "./canonical-url";
import { dropRawText } from "./drop-raw-text";
import { imageSource, isTrackingPixel, VIDEO_EMBED_HOSTS, videoEmbed } from "./sanitize-media";

const ALLOWED_TAGS = [
  ...["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "div"],
  ...["section", "article", "header", "footer", "aside", "span", "em", "strong", "b", "i", "u"],
  ...["s", "del", "ins", "sub", "sup", "small", "mark", "q", "cite", "abbr", "time", "kbd", "samp"],
  ...["var", "wbr", "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption"],
  ...["picture", "source", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"],
  ...["colgroup", "col", "iframe", "x-rejected"],
];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ["href", "title", "rel"],
  img: ["src", "srcset", "sizes", "alt", "title", "width", "height"],
  iframe: ["src", "width", "height", "title", "sandbox", "loading", "referrerpolicy"],
  source: ["srcset", "sizes", "media", "type"],
  th: ["colspan", "rowspan", "scope", "headers"],
  td: ["colspan", "rowspan", "headers"],
  col: ["span"],
  colgroup: ["span"],
  ol: ["start", "reversed", "type"],
  li: ["value"],
  time: ["datetime"],
  abbr: ["title"],
  blockquote: ["cite"],
  q: ["cite"],
};

// What a rejected element (tracking pixel, foreign iframe) is renamed to, to be cut out with
// everything inside it afterwards. It must be an allowed tag: sanitize-html remembers a renamed
// tag it then skips as the closing name of the next element at that depth.
const REJECTED = "x-rejected";
const REJECTED_TAG = /<\/?x-rejected>/g;
// Elements whose text is never article text (scripts, form controls, embeds' fallbacks).
const DROPPED_WITH_TEXT = ["script", "style", "textarea", "option", "noscript", "template"];
const DROPPED_WITH_TEXT_MORE = ["select", "button", "object", "embed", "svg", "math"];
// Values that could run code if some later step unescaped them; no real attribute needs one.
const HOSTILE_VALUE = /(?:java|vb)script:|\son\w+=/i;
const MAX_ATTRIBUTE_LENGTH = 8192;
const SRCSET_DESCRIPTOR = /^\d+(?:\.\d+)?[wx]$/;
const URL_ATTRIBUTES = new Set(["href", "src", "cite"]);
const TEXT_RUN = /(^|>)([^<]+)/g;
const SCHEME_IN_TEXT = /((?:java|vb)script):/gi;
const HANDLER_IN_TEXT = /(^|\W)(on\w+)=/gi;
const SCHEME_ANYWHERE = /(?:java|vb)script:/i;
const HANDLER_ANYWHERE = /\bon\w+=/i;

type Attributes = sanitizeHtml.Attributes;

/**
 * Returns the HTML cleaned by allowlist: text, structure, links, images, figures, tables and
 * sandboxed video players from an allowlist of hosts; no script, style, event handler, form or
 * `javascript:`/`vbscript:` anywhere; URLs made absolute against `baseUrl`; links marked
 * `rel="noopener noreferrer"`; `data:` URLs only as raster image sources; tracking pixels dropped.
 * The text never spells `javascript:` or ` onx=` either (a colon or equals sign becomes a
 * character reference, which displays the same). Sanitizing the result again changes nothing.
 */
export function sanitizeContent(html: string, baseUrl: string): string {
  // One pass can leave nesting that the parser reads differently the next time; the second pass
  // settles it, so a third changes nothing. See PassState for when the first is already final.
  const pass: PassState = { open: [], unsettled: false };
  const options = sanitizeOptions(baseUrl, pass);
  const once = cleanOnce(html, options);
  return (pass.unsettled ? cleanOnce(once, options) : once).trim();
}

/**
 * The parser's open elements during a pass, and whether the output may read differently the
 * next time. Where an element opens depends on the element on top (a `<p>` closes an open `<p>`,
 * not one further down), and what becomes of text on the element right around it (an embed's
 * fallback text is dropped): an element that opened while a dropped element was on top, or a
 * dropped element that opened right inside an embed, may land elsewhere once it is gone.
 * Everything else the output spells out (every kept element is closed explicitly; elements
 * dropped with their content, and rejected ones, take what opened inside them along).
 */
interface PassState {
  open: OpenElement[];
  unsettled: boolean;
}

/**
 * Kept; dropped with its content kept; kept with its text replaced (an embed); or dropped with
 * its content, or inside such an element (what opens there is never written).
 */
type OpenElement = "kept" | "dropped" | "textReplaced" | "skipped";

function cleanOnce(html: string, options: sanitizeHtml.IOptions): string {
  // sanitize-html reads noscript, textarea, xmp and the like as markup, not where browsers end
  // them: their content goes first, cut where a browser cuts it.
  return neutralizeText(withoutRejected(sanitizeHtml(dropRawText(html), options)));
}

const ALLOWED_TAG_SET = new Set(ALLOWED_TAGS);
const DROPPED_WITH_TEXT_SET = new Set([...DROPPED_WITH_TEXT, ...DROPPED_WITH_TEXT_MORE]);
const TRANSFORMED_TAGS = Object.keys(ALLOWED_ATTRIBUTES);

/**
 * The options sanitizeContent gives sanitize-html, less the per-tag hook (attribute vetting,
 * pixels, embeds): the allowlist itself. The ingest bench measures the library alone with it.
 */
export const SANITIZE_ALLOWLIST: Readonly<sanitizeHtml.IOptions> = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https", "data"], iframe: ["https"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  allowedIframeHostnames: VIDEO_EMBED_HOSTS,
  nonTextTags: [...DROPPED_WITH_TEXT, ...DROPPED_WITH_TEXT_MORE],
  selfClosing: ["img", "br", "hr", "source", "col", "wbr"],
};

function sanitizeOptions(baseUrl: string, pass: PassState): sanitizeHtml.IOptions {
  const { open } = pass;
  const transform = (tagName: string, attribs: Attributes) => {
    const tag = transformTag(tagName, attribs, baseUrl);
    if (tag.text !== undefined) open[open.length - 1] = "textReplaced";
    return tag;
  };
  return {
    ...SANITIZE_ALLOWLIST,
    // Called for every element the parser opens and closes (in dropped text too), before the
    // transforms: `open` follows the parser's own stack.
    onOpenTag: (name) => {
      const top = open[open.length - 1];
      if (top === "skipped" || DROPPED_WITH_TEXT_SET.has(name)) {
        open.push("skipped");
        return;
      }
      const dropped = !ALLOWED_TAG_SET.has(name);
      if (top === "dropped" || (dropped && top === "textReplaced")) pass.unsettled = true;
      open.push(dropped ? "dropped" : "kept");
    },
    onCloseTag: () => {
      open.pop();
    },
    // Only tags with attributes to vet (and embeds) need the hook: the allowlist writes no
    // attribute of any other tag. A transform named for the tag is also the only one whose
    // `text` (an embed's fallback text, dropped) sanitize-html applies.
    transformTags: Object.fromEntries(TRANSFORMED_TAGS.map((tag) => [tag, transform])),
  };
}

// Every tag passes here before the allowlist: attribute values are vetted and made absolute,
// and elements judged by their attributes (pixels, embeds) are kept or renamed for dropping.
function transformTag(tagName: string, attribs: Attributes, baseUrl: string): sanitizeHtml.Tag {
  const clean = cleanAttributes(tagName, attribs, baseUrl);
  if (tagName === "a") {
    clean.rel = "noopener noreferrer";
    return { tagName, attribs: clean };
  }
  if (tagName === "img") {
    const src = imageSource(clean.src, baseUrl);
    if (src === null || isTrackingPixel(src, attribs)) return rejected();
    return { tagName, attribs: { ...clean, src } };
  }
  if (tagName === "iframe") {
    const embed = videoEmbed(clean, baseUrl);
    return embed ? { tagName, attribs: embed, text: "" } : rejected();
  }
  return { tagName, attribs: clean };
}

function rejected(): sanitizeHtml.Tag {
  return { tagName: REJECTED, attribs: {}, text: "" };
}

// Cuts out rejected elements with their content; sanitized HTML has them balanced.
function withoutRejected(html: string): string {
  if (!html.includes(`<${REJECTED}>`)) return html;
  let result = "";
  let depth = 0;
  let position = 0;
  for (const tag of html.matchAll(REJECTED_TAG)) {
    if (depth === 0) result += html.slice(position, tag.index);
    depth = Math.max(0, depth + (tag[0][1] === "/" ? -1 : 1));
    position = tag.index + tag[0].length;
  }
  return result + (depth === 0 ? html.slice(position) : "");
}

// The attributes the allowlist keeps for the tag, each value vetted (length, code) and its URLs
// made absolute; the others would be dropped anyway, so they are not looked at.
function cleanAttributes(tagName: string, attribs: Attributes, baseUrl: string): Attributes {
  const allowed = ALLOWED_ATTRIBUTES[tagName];
  const result: Attributes = {};
  if (allowed === undefined) return result;
  for (const name of allowed) {
    const raw = attribs[name];
    if (raw === undefined || name === "rel") continue;
    if (raw.length > MAX_ATTRIBUTE_LENGTH || HOSTILE_VALUE.test(raw)) continue;
    const value = URL_ATTRIBUTES.has(name)
      ? absoluteLink(tagName, name, raw, baseUrl)
      : name === "srcset"
        ? absolutizeSrcset(raw, baseUrl)
        : raw;
    if (name === "srcset" && value === "") continue;
    if (!HOSTILE_VALUE.test(value)) result[name] = value;
  }
  return result;
}

// A story's links lose their tracking parameters as its own URL does (canonicalizeUrl).
function absoluteLink(tagName: string, name: string, raw: string, baseUrl: string): string {
  const absolute = absolutize(raw, baseUrl);
  return tagName === "a" && name === "href" ? withoutTrackingParams(absolute) : absolute;
}

// Unresolvable values are returned unchanged: the scheme check then keeps or drops them.
function absolutize(value: string, baseUrl: string): string {
  const trimmed = value.trim();
  if (/^(?:data|javascript|vbscript|mailto):/i.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed, baseUrl).href;
  } catch {
    return trimmed;
  }
}

// A srcset with a data: URL cannot be split on commas safely; the src is enough. Candidates
// must be an http(s) URL and at most one width or density descriptor.
function absolutizeSrcset(srcset: string, baseUrl: string): string {
  if (/data:/i.test(srcset)) return "";
  return srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/))
    .filter(
      ([url, ...descriptors]) =>
        url !== "" &&
        /^https?:/i.test(absolutize(url, baseUrl)) &&
        descriptors.length <= 1 &&
        descriptors.every((d) => SRCSET_DESCRIPTOR.test(d)),
    )
    .map(([url, ...descriptor]) => [absolutize(url, baseUrl), ...descriptor].join(" "))
    .join(", ");
}

// In sanitized HTML every `<` opens a real tag and no tag holds a `>`, so the runs between tags
// are text. Encoding one character keeps text from ever spelling a scheme or a handler (it
// displays the same), and gives the same result on a second pass.
function neutralizeText(html: string): string {
  // Most HTML spells neither anywhere; one scan for each settles that without splitting it up.
  if (!SCHEME_ANYWHERE.test(html) && !HANDLER_ANYWHERE.test(html)) return html;
  return html.replace(TEXT_RUN, (_match, lead: string, text: string) => {
    return lead + text.replace(SCHEME_IN_TEXT, "$1&#58;").replace(HANDLER_IN_TEXT, "$1$2&#61;");
  });
}
