import { parseHttpUrl } from "./resolve-url";

/** The hosts whose video players may be embedded (in a sandboxed iframe). */
export const VIDEO_EMBED_HOSTS = [
  ...["www.youtube.com", "youtube.com", "m.youtube.com"],
  ...["www.youtube-nocookie.com", "youtube-nocookie.com"],
  ...["player.vimeo.com", "www.dailymotion.com", "geo.dailymotion.com"],
];
/** The sandbox every embedded player gets: enough to play, nothing to reach the page. */
export const EMBED_SANDBOX = "allow-scripts allow-same-origin allow-presentation allow-popups";

// Hosts that serve only tracking pixels or ad images in feeds (suffix match).
const PIXEL_HOSTS = [
  ...["pixel.wp.com", "stats.wordpress.com", "feeds.feedburner.com", "feedads.g.doubleclick.net"],
  ...["doubleclick.net", "google-analytics.com", "scorecardresearch.com", "quantserve.com"],
];
// File names that are tracking pixels by convention.
const PIXEL_FILE =
  /(?:^|\/)(?:pixel|1x1|spacer|blank|clear|beacon|tracker|track|open)\.(?:gif|png)$/i;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
const RASTER_DATA_URL = /^data:image\/(?:png|gif|jpe?g|webp|avif);base64,[A-Za-z0-9+/=\s]*$/i;

/** Returns the src of an image worth keeping: absolute http(s), or a base64 raster `data:` URL. */
export function imageSource(src: string | undefined, baseUrl: string): string | null {
  const text = src?.trim() ?? "";
  if (/^data:/i.test(text)) return RASTER_DATA_URL.test(text) ? text : null;
  return parseHttpUrl(text, baseUrl)?.href ?? null;
}

/**
 * Returns true for tracking pixels: images declared 0 or 1 pixel wide or high, hidden by their
 * style, named like a pixel (`pixel.gif`, `1x1.png`), or served by a known tracking host.
 */
export function isTrackingPixel(src: string, attribs: Record<string, string>): boolean {
  const size = (value: string | undefined) => (value === undefined ? NaN : parseFloat(value));
  if (size(attribs.width) <= 1 || size(attribs.height) <= 1) return true;
  if (HIDDEN_STYLE.test((attribs.style ?? "").slice(0, 1000))) return true;
  const url = parseHttpUrl(src);
  if (!url) return false;
  const host = url.hostname;
  return (
    PIXEL_FILE.test(url.pathname) || PIXEL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))
  );
}

/** Returns the attributes of an allowed video player iframe (https, sandboxed), or null. */
export function videoEmbed(
  attribs: Record<string, string>,
  baseUrl: string,
): Record<string, string> | null {
  const url = parseHttpUrl(attribs.src, baseUrl);
  if (!url || !VIDEO_EMBED_HOSTS.includes(url.hostname)) return null;
  url.protocol = "https:";
  const embed: Record<string, string> = { src: url.href };
  for (const name of ["width", "height"]) {
    if (/^\d{1,4}%?$/.test(attribs[name] ?? "")) embed[name] = attribs[name];
  }
  if (attribs.title) embed.title = attribs.title;
  return {
    ...embed,
    sandbox: EMBED_SANDBOX,
    loading: "lazy",
    referrerpolicy: "strict-origin-when-cross-origin",
  };
}
