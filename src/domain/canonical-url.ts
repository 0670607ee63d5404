import { parseHttpUrl } from "./resolve-url";

const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "dclid",
  "msclkid",
  "mc_cid",
  "mc_eid",
  "igshid",
  "_hsenc",
  "_hsmi",
  "ref_src",
]);

/** Returns true for query parameter names that only track the click (`utm_*`, `fbclid`, ...). */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith("utm_") || TRACKING_PARAMS.has(key);
}

/**
 * Returns the canonical form of an http(s) URL, made absolute against `base`: lower-case scheme and
 * host, default port and fragment dropped, tracking parameters removed, the other parameters kept
 * in order and as written. Null for other schemes and for text that is not a URL.
 */
export function canonicalizeUrl(
  url: string | null | undefined,
  base?: string | null,
): string | null {
  const parsed = parseHttpUrl(url, base);
  if (!parsed) return null;
  parsed.hash = "";
  parsed.search = keptQuery(parsed.search);
  return parsed.href;
}

/**
 * Returns an absolute http(s) URL with its tracking parameters removed, and everything else (other
 * parameters, fragment) as written; any other text unchanged. For links that stay links.
 */
export function withoutTrackingParams(href: string): string {
  if (!href.includes("?")) return href;
  let parsed: URL;
  try {
    parsed = new URL(href);
  } catch {
    return href;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return href;
  const search = keptQuery(parsed.search);
  if (search === parsed.search) return href;
  parsed.search = search;
  return parsed.href;
}

// Works on the raw query text rather than URLSearchParams, which would re-encode what it keeps.
function keptQuery(search: string): string {
  const kept = search
    .replace(/^\?/, "")
    .split("&")
    .filter((pair) => pair.length > 0 && !isTrackingParam(paramName(pair)));
  return kept.length > 0 ? `?${kept.join("&")}` : "";
}

function paramName(pair: string): string {
  const name = pair.split("=", 1)[0];
  try {
    return decodeURIComponent(name.replace(/\+/g, " "));
  } catch {
    return name;
  }
}
