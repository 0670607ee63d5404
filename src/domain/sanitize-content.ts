import sanitizeHtml from "sanitize-html";

const ALLOWED_TAGS = [
  ...["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "div"],
  ...["section", "article", "header", "footer", "aside", "span", "em", "strong", "b", "i", "u"],
  ...["s", "del", "ins", "sub", "sup", "small", "mark", "q", "cite", "abbr", "time", "kbd", "samp"],
  ...["var", "wbr", "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption"],
  ...["picture", "source", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"],
  ...["colgroup", "col"],
];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ["href", "title", "rel"],
  img: ["src", "srcset", "sizes", "alt", "title", "width", "height"],
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

// Elements whose text is never article text (scripts, form controls, embeds' fallbacks).
const DROPPED_WITH_TEXT = ["script", "style", "textarea", "option", "noscript", "template"];
const DROPPED_WITH_TEXT_MORE = ["select", "button", "iframe", "object", "embed", "svg", "math"];

/**
 * Returns the HTML cleaned by allowlist: text, structure, links, images, figures and tables only;
 * URLs made absolute against `baseUrl`; links marked `rel="noopener noreferrer"`; `data:` URLs
 * only in image sources; 1x1 tracking images dropped. Sanitizing the result again changes nothing.
 */
export function sanitizeContent(html: string, baseUrl: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https", "data"] },
    allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
    allowProtocolRelative: false,
    nonTextTags: [...DROPPED_WITH_TEXT, ...DROPPED_WITH_TEXT_MORE],
    selfClosing: ["img", "br", "hr", "source", "col", "wbr"],
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer" } }),
      "*": (tagName, attribs) => ({ tagName, attribs: withAbsoluteUrls(attribs, baseUrl) }),
    },
    exclusiveFilter: (frame) => frame.tag === "img" && isTrackingImage(frame.attribs),
  }).trim();
}

function withAbsoluteUrls(
  attribs: sanitizeHtml.Attributes,
  baseUrl: string,
): sanitizeHtml.Attributes {
  const result = { ...attribs };
  for (const name of ["href", "src", "cite"]) {
    if (result[name] !== undefined) result[name] = absolutize(result[name], baseUrl);
  }
  if (result.srcset !== undefined) result.srcset = absolutizeSrcset(result.srcset, baseUrl);
  if (result.srcset === "") delete result.srcset;
  return result;
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

// A srcset with a data: URL cannot be split on commas safely; the src is enough.
function absolutizeSrcset(srcset: string, baseUrl: string): string {
  if (/data:/i.test(srcset)) return "";
  return srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/))
    .filter((parts) => parts[0] !== "" && /^https?:/i.test(absolutize(parts[0], baseUrl)))
    .map(([url, ...descriptor]) => [absolutize(url, baseUrl), ...descriptor].join(" "))
    .join(", ");
}

// Tracking pixels: images with no source or declared 1x1 (or 0-sized).
function isTrackingImage(attribs: Record<string, string>): boolean {
  if (!attribs.src) return true;
  const size = (value: string | undefined) => (value === undefined ? NaN : parseFloat(value));
  return size(attribs.width) <= 1 && size(attribs.height) <= 1;
}
